package io.gossip.sim.scenario;

import static io.gossip.sim.scenario.ScenarioTexts.VALID;
import static io.gossip.sim.scenario.ScenarioTexts.firstProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Range errors print integer bounds as integers and always name the bound the value crossed. */
class RangeMessagesTest {

    private static String refusal(String set) {
        return firstProblem(VALID, set).toString();
    }

    @Test
    void valueAboveTheIntRangeNamesTheUpperBound() {
        assertEquals("--set nodes=3000000000: nodes: must be an integer <= 2147483647, got 3000000000",
                refusal("nodes=3000000000"));
        assertEquals("--set protocol.leaseDurationMillis=2147483648: protocol.leaseDurationMillis: must be an "
                + "integer <= 2147483647, got 2147483648", refusal("protocol.leaseDurationMillis=2147483648"));
    }

    @Test
    void valueBelowTheLowerBoundNamesTheLowerBound() {
        assertEquals("--set nodes=0: nodes: must be an integer >= 1, got 0", refusal("nodes=0"));
        assertEquals("--set protocol.duplicateMemoryAgeMillis=-1: protocol.duplicateMemoryAgeMillis: must be an "
                + "integer >= 0, got -1", refusal("protocol.duplicateMemoryAgeMillis=-1"));
    }

    @Test
    void largeUpperBoundIsPrintedAsAnInteger() {
        assertEquals("--set protocol.duplicateMemoryAgeMillis=1000000000000001: protocol.duplicateMemoryAgeMillis: "
                        + "must be an integer <= 1000000000000000, got 1000000000000001",
                refusal("protocol.duplicateMemoryAgeMillis=1000000000000001"));
    }

    @Test
    void boundedRangeIsGivenWhole() {
        assertEquals("--set protocol.maxAttempts=17: protocol.maxAttempts: must be an integer in [1, 16], got 17",
                refusal("protocol.maxAttempts=17"));
    }

    @Test
    void seedTakesAnyLongAndSaysSoWithoutBounds() {
        assertEquals("--set seed=abc: seed: expected an integer, got the text 'abc'", refusal("seed=abc"));
        assertEquals("--set seed=9223372036854775808: seed: must be an integer <= 9223372036854775807, "
                + "got 9223372036854775808", refusal("seed=9223372036854775808"));
        assertEquals("--set seed=-9223372036854775809: seed: must be an integer >= -9223372036854775808, "
                + "got -9223372036854775809", refusal("seed=-9223372036854775809"));
    }

    @Test
    void missingIntegerSaysWhatItTakes() {
        assertEquals("test.yaml:1:1: missing required key 'nodes' (an integer >= 1)",
                firstProblem(VALID.replace("nodes: 200\n", "")).toString());
    }
}
