package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code sim live-bench} at a tiny size: both tables are printed and a 20-node cluster is fully covered. */
class LiveBenchCommandTest {
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void printsTheHostingAndRateTablesForASmallCluster() {
        CommandRunner.Result r = CommandRunner.run("live-bench", "--nodes", "20", "--loops", "2", "--rate-nodes", "20",
                "--broadcast-rate", "10", "--seconds", "1", "--timeout-seconds", "30");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*\\n\\s+20\\s+\\S+\\s+\\S+\\s+1\\.0000\\s.*"),
                "the one broadcast reached all 20 nodes:\n" + r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s+10\\.0\\s+\\S+\\s+10\\s.*"), "ten broadcasts sent at 10/s:\n" + r.out());
    }

    @Test
    void refusesANonsenseSize() {
        CommandRunner.Result r = CommandRunner.run("live-bench", "--nodes", "1");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("every size must be >= 2"), r.err());
    }
}
