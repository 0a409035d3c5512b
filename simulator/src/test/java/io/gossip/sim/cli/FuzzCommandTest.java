package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FuzzCommandTest {

    @Test
    void refusesBadOptionsAsWrongUsageWithoutRunning() {
        for (String[] args : new String[][] {{"fuzz", "--seconds", "0"}, {"fuzz", "--seconds", "NaN"},
                {"fuzz", "--seconds", "5000"},
                {"fuzz", "--rate", "-1"}, {"fuzz", "--nodes", "1"}, {"fuzz", "--max-renewal-copies", "70000"}}) {
            CommandRunner.Result r = CommandRunner.run(args);
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(args[1] + " must be"), "the message names the option: " + r.err());
            assertTrue(r.out().isEmpty(), "nothing ran: " + r.out());
        }
    }

    @Test
    void isListedInTheHelp() {
        CommandRunner.Result r = CommandRunner.run("--help");
        assertTrue(r.out().contains("fuzz "), r.out());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aShortRunReportsEveryFigureAndPasses() {
        CommandRunner.Result r = CommandRunner.run("fuzz", "--seconds", "1", "--rate", "10000", "--seed", "7");
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        for (String line : new String[] {"sim fuzz: 5-node loopback cluster, seed 7", "datagrams sent",
                "valid messages among them", "rejected by the target", "TRUNCATED", "accepted as valid messages",
                "crashes                                   0", "broadcast from the target     reached 4 of 4",
                "broadcast from node 0         reached 4 of 4", "result                        PASS"}) {
            assertTrue(r.out().contains(line), "missing \"" + line + "\" in\n" + r.out());
        }
    }
}
