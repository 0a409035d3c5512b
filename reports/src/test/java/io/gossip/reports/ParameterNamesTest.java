package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterNamesTest {
    private static final Optional<String> SCENARIO = Optional.of("""
            name: s
            timeline:
              - {action: join, atMillis: 0, count: all}
              - {action: crash, atMillis: 100, fraction: 0}
              - {action: churn, atMillis: 200, untilMillis: 300, joinsPerSecond: 5}
            """);

    @Test
    void aTimelineKeyIsNamedByItsActionFromTheScenario() {
        assertEquals("timeline.1.fraction (crash fraction)",
                ParameterNames.describe("timeline.1.fraction", SCENARIO));
        assertEquals("timeline.2.joinsPerSecond (churn joins per second)",
                ParameterNames.describe("timeline.2.joinsPerSecond", SCENARIO));
    }

    @Test
    void otherParametersMissingEntriesAndUnreadableScenariosKeepTheDottedPath() {
        assertEquals("network.loss", ParameterNames.describe("network.loss", SCENARIO));
        assertEquals("timeline.7.fraction", ParameterNames.describe("timeline.7.fraction", SCENARIO));
        assertEquals("timeline.1.fraction", ParameterNames.describe("timeline.1.fraction", Optional.empty()));
        assertEquals("timeline.1.fraction",
                ParameterNames.describe("timeline.1.fraction", Optional.of("timeline: [unclosed")));
    }

    @Test
    void theCrashSweepAxisSaysWhatIsSwept(@TempDir Path dir) throws Exception {
        Fixtures.crashSweep(dir);
        Fixtures.write(dir, "scenario.yaml", SCENARIO.get());
        Figure reliability = SweepFigures.reliability(RunData.load(dir)).orElseThrow();
        assertEquals("swept parameter timeline.1.fraction (crash fraction)",
                reliability.chart().getXYPlot().getDomainAxis().getLabel());
    }
}
