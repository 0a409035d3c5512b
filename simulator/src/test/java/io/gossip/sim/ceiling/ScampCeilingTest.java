package io.gossip.sim.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code ./bench ceiling}'s options: defaults, and an error that names what is wrong. */
class ScampCeilingTest {
    @Test
    void readsItsOptionsWithTheScaleBenchmarksDefaults() {
        assertEquals(new ScampCeiling.Options(1000, 1, 10, 1), ScampCeiling.parse(new String[] {"--nodes", "1000"}));
        assertEquals(new ScampCeiling.Options(50, 0, 3, -7),
                ScampCeiling.parse(new String[] {"--seed", "-7", "--c", "0", "--broadcasts", "3", "--nodes", "50"}));
        assertEquals(100_000, ScampCeiling.parse(new String[] {"--nodes", "100_000"}).nodes());
    }

    @Test
    void saysWhatIsWrong() {
        assertEquals("unknown option --fanout", error("--nodes", "10", "--fanout"));
        assertEquals("unknown option --fanout", error("--nodes", "10", "--fanout", "3"));
        assertEquals("option --seed needs a value", error("--nodes", "10", "--seed"));
        assertEquals("--nodes must be an integer, got 'ten'", error("--nodes", "ten"));
        assertEquals("--c must be an integer, got '3000000000'", error("--nodes", "10", "--c", "3000000000"));
        assertEquals("--nodes N (at least 2) is required", error("--c", "1"));
        assertEquals("--nodes N (at least 2) is required", error("--nodes", "1"));
    }

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> ScampCeiling.parse(args)).getMessage();
    }
}
