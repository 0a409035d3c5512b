package io.gossip.sim.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.scenario.LoadedScenario;
import io.gossip.sim.scenario.ScenarioException;
import io.gossip.sim.scenario.ScenarioReader;
import io.gossip.udp.ReceiveBuffers;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code live.receiveBufferBytes}: every live node's socket asks for it; a size out of range is refused at its key. */
class LiveReceiveBufferTest {
    private static final String SCENARIO = """
            name: live-buffers
            seed: 3
            nodes: 4
            timeline:
              - {action: join, atMillis: 0, count: all, intervalMillis: 100}
              - {action: broadcast, atMillis: 2000, source: 0}
            drainMillis: 1000
            live: {timeScale: 0.1, receiveBufferBytes: 1048576}
            """;

    @TempDir
    Path dir;

    private static LoadedScenario read(String text) throws ScenarioException {
        return new ScenarioReader(List.of(), null, () -> 1L).read(text, "live-buffers.yaml");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyNodeAsksForTheBufferTheScenarioNames() throws Exception {
        int granted = ReceiveBuffers.granted(1 << 20);
        int[] seen = {-1};
        LiveRunner.run(read(SCENARIO).plan(), dir, (key, run) -> seen[0] = run.receiveBufferBytes());
        assertEquals(granted, seen[0]);
    }

    @Test
    void aSizeOutOfRangeIsRefusedAtItsKey() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> read(SCENARIO.replace("receiveBufferBytes: 1048576", "receiveBufferBytes: 100")));
        String problem = e.problems().get(0).toString();
        assertTrue(problem.contains("live-buffers.yaml:8:"), problem);
        assertTrue(problem.contains("live.receiveBufferBytes: must be 0 (the system's) or an integer in [1024, "
                + "1073741824], got 100"), problem);
    }
}
