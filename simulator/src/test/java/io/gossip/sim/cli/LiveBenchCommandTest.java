package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.udp.ReceiveBuffers;
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
        assertTrue(r.out().matches("(?s).*\\n\\s+10\\.0\\s+\\S+\\s+10\\s.*"),
                "ten broadcasts sent at 10/s:\n" + r.out());
    }

    /** The buffer asked for is what every node's socket asks the kernel for; the size granted is printed. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aReceiveBufferAskedForIsAppliedAndTheSizeGrantedPrinted() throws Exception {
        int granted = ReceiveBuffers.granted(1 << 20);
        CommandRunner.Result r = CommandRunner.run("live-bench", "--no-hosting", "--loops", "1", "--rate-nodes",
                "10", "--broadcast-rate", "5", "--seconds", "1", "--timeout-seconds", "30", "--receive-buffer-bytes",
                "1048576");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("each socket's receive buffer: " + granted + " bytes (1048576 asked)\n"
                + "rate_per_s"), r.out());
        CommandRunner.Result small = CommandRunner.run("live-bench", "--receive-buffer-bytes", "100");
        assertEquals(2, small.exitCode());
        assertTrue(small.err().contains("receive buffer must be in [1024, 1073741824] bytes, got 100"), small.err());
    }

    @Test
    void refusesANonsenseSize() {
        CommandRunner.Result r = CommandRunner.run("live-bench", "--nodes", "1");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("every size must be >= 2"), r.err());
    }
}
