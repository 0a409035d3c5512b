package io.gossip.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

/** Helpers shared by the scenario tests: read text with a fixed seed source, expect refusals. */
final class ScenarioTexts {
    /** A small valid scenario, as the base of most tests. */
    static final String VALID = """
            name: small
            seed: 42
            nodes: 200
            protocol:
              c: 2
            network:
              latency: {type: uniform, minMillis: 10, maxMillis: 100}
              loss: 0.1
            timeline:
              - {action: join, atMillis: 0, count: all, overMillis: 2000}
              - {action: crash, atMillis: 3000, fraction: 0.1}
              - {action: broadcast, atMillis: 4000, count: 5, intervalMillis: 500}
            """;

    private ScenarioTexts() {
    }

    static LoadedScenario read(String text, String... sets) throws ScenarioException {
        return new ScenarioReader(List.of(sets), null, () -> 7L).read(text, "test.yaml");
    }

    static Scenario scenario(String text, String... sets) throws ScenarioException {
        return read(text, sets).plan().points().get(0).scenario();
    }

    /** The refusal of {@code text}; fails the test if it is accepted. */
    static ScenarioException refusal(String text, String... sets) {
        return assertThrows(ScenarioException.class, () -> read(text, sets));
    }

    /** The first problem of a refusal. */
    static ScenarioException.Problem firstProblem(String text, String... sets) {
        return refusal(text, sets).problems().get(0);
    }
}
