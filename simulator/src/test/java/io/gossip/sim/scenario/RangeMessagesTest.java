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

    /**
     * c + 1 is what a lease renewal asks for, and a subscription carries at most 65,535 copies: with
     * c = 65,535 and leases the run failed at the first renewal with Java's wording.
     */
    @Test
    void cIsLimitedToWhatALeaseRenewalCarries() throws Exception {
        String why = ": a lease renewal asks for c + 1 copies of its subscription, and a subscription message carries "
                + "at most 65535; each join also sends c extra copies, each resent until acknowledged";
        assertEquals("--set protocol.c=2147483647: protocol.c: must be an integer in [0, 65534], got 2147483647" + why,
                refusal("protocol.c=2147483647"));
        String text = VALID.replace("  c: 2", "  c: 65535");
        assertEquals("test.yaml:5:6: protocol.c: must be an integer in [0, 65534], got 65535" + why,
                firstProblem(text).toString());
        assertEquals(65534, ScenarioTexts.scenario(VALID, "protocol.c=65534").protocol().c());
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
