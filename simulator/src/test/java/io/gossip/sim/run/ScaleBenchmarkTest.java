package io.gossip.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.engine.NodeRepresentation;
import org.junit.jupiter.api.Test;

class ScaleBenchmarkTest {
    @Test
    void sameOptionsGiveTheSameEventsCoverageAndViews() {
        ScaleRun.Options options = new ScaleRun.Options(300, 1, 3, 42);
        ScaleRun.Result a = ScaleRun.run(options, null);
        ScaleRun.Result b = ScaleRun.run(options, null);
        assertEquals(a.events(), b.events());
        assertEquals(a.wakeups(), b.wakeups());
        assertEquals(a.messagesSent(), b.messagesSent());
        assertEquals(a.coverage(), b.coverage());
        assertEquals(a.partialViewMean(), b.partialViewMean());
        assertTrue(a.events() > 300L * 20, "the join phase delivers membership messages: " + a.events());
        assertTrue(a.coverage() > 0.95, "coverage " + a.coverage());
        double expected = 2 * Math.log(300);
        assertTrue(Math.abs(a.partialViewMean() - expected) < 0.25 * expected, "PV " + a.partialViewMean());
    }

    @Test
    void objectsGiveTheArenasFiguresAndSaySo() {
        ScaleRun.Result arena = ScaleRun.run(new ScaleRun.Options(300, 1, 2, 3), null);
        ScaleRun.Result objects = ScaleRun.run(new ScaleRun.Options(300, 1, 2, 3, NodeRepresentation.OBJECTS), null);
        assertEquals(NodeRepresentation.ARENA, arena.representation());
        assertEquals(NodeRepresentation.OBJECTS, objects.representation());
        assertEquals(arena.events(), objects.events());
        assertEquals(arena.wakeups(), objects.wakeups());
        assertEquals(arena.coverage(), objects.coverage());
        assertEquals(arena.partialViewMean(), objects.partialViewMean());
    }

    @Test
    void jsonLineCarriesTheDocumentedKeysInOrder() {
        ScaleRun.Result r = ScaleRun.run(new ScaleRun.Options(50, 0, 1, 7), null);
        String json = ScaleBenchmark.json(r);
        String[] keys = {"nodes", "c", "events", "setupSeconds", "simSeconds", "eventsPerSecond",
            "heapBytesPerNode", "coverage", "partialViewMean"};
        int last = -1;
        for (String key : keys) {
            int at = json.indexOf("\"" + key + "\":");
            assertTrue(at > last, key + " missing or out of order in " + json);
            last = at;
        }
        assertTrue(json.startsWith("{") && json.endsWith("}") && !json.contains("\n"));
        assertTrue(json.contains("\"nodes\":50,\"c\":0,"), json);
        assertTrue(json.contains("\"representation\":\"arena\","), "the benchmark's workload runs on the arena: " + json);
    }

    @Test
    void parsesDefaultsAndRejectsBadOptions() {
        ScaleRun.Options o = ScaleBenchmark.parse(new String[] {"--nodes", "100_000"});
        assertEquals(new ScaleRun.Options(100_000, 1, 10, 1), o);
        assertEquals(new ScaleRun.Options(10, 0, 2, 5),
                ScaleBenchmark.parse(new String[] {"--nodes", "10", "--c", "0", "--broadcasts", "2", "--seed", "5"}));
        assertEquals(new ScaleRun.Options(10, 1, 10, 1, NodeRepresentation.OBJECTS),
                ScaleBenchmark.parse(new String[] {"--nodes", "10", "--representation", "objects"}));
        assertThrows(IllegalArgumentException.class,
                () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--representation", "heap"}));
        assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(new String[] {}));
        assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(new String[] {"--nodes"}));
        assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(new String[] {"--nodes", "x"}));
        assertThrows(IllegalArgumentException.class, () -> ScaleBenchmark.parse(new String[] {"--nodes", "1"}));
        assertThrows(IllegalArgumentException.class,
                () -> ScaleBenchmark.parse(new String[] {"--nodes", "10", "--fanout", "3"}));
    }
}
