package io.gossip.sim.scenario;

import static io.gossip.sim.scenario.ScenarioTexts.VALID;
import static io.gossip.sim.scenario.ScenarioTexts.firstProblem;
import static io.gossip.sim.scenario.ScenarioTexts.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --set key=value} overrides: applied before binding, and refused with suggestions. */
class OverridesTest {

    @Test
    void overridesTopLevelAndNestedValues() throws Exception {
        Scenario s = scenario(VALID, "nodes=5000", "network.loss=0.2");
        assertEquals(5000, s.nodes());
        assertEquals(new LossSpec.Independent(0.2), s.network().loss());
    }

    @Test
    void createsAMissingSection() throws Exception {
        Scenario s = scenario(VALID, "output.timelineSampleMillis=500");
        assertEquals(500, s.output().timelineSampleMillis());
    }

    @Test
    void reachesIntoTheTimelineByIndex() throws Exception {
        Scenario s = scenario(VALID, "timeline.1.fraction=0.3");
        assertEquals(new TimelineAction.Crash(3000, new TimelineAction.NodeSelection(0.3, null)),
                s.timeline().get(1));
    }

    @Test
    void acceptsAStructuredValue() throws Exception {
        Scenario s = scenario(VALID, "network.latency={type: constant, millis: 5}");
        assertEquals(new LatencySpec.Constant(5), s.network().latency());
    }

    @Test
    void laterOverridesWin() throws Exception {
        assertEquals(3, scenario(VALID, "protocol.c=1", "protocol.c=3").protocol().c());
    }

    @Test
    void unknownPathIsRefusedAtTheOverrideWithASuggestion() {
        ScenarioException.Problem problem = firstProblem(VALID, "network.los=0.2");
        assertEquals("--set network.los=0.2", problem.location().toString());
        assertTrue(problem.message().contains("unknown key 'los' in network. Did you mean 'loss'?"),
                problem.toString());
    }

    @Test
    void badValueIsRefusedAtTheOverride() {
        ScenarioException.Problem problem = firstProblem(VALID, "nodes=lots");
        assertEquals("--set nodes=lots: nodes: expected an integer >= 1, got the text 'lots'", problem.toString());
    }

    @Test
    void indexOutsideTheListIsRefused() {
        ScenarioException.Problem problem = firstProblem(VALID, "timeline.5.fraction=0.3");
        assertTrue(problem.message().contains("'timeline' is a list of 3 entries; expected an index 0..2, got '5'"),
                problem.toString());
    }

    @Test
    void settingInsideAScalarIsRefused() {
        ScenarioException.Problem problem = firstProblem(VALID, "nodes.count=3");
        assertTrue(problem.message().contains("'nodes' is the number 200, not a mapping"), problem.toString());
    }

    @Test
    void assignmentWithoutEqualsSignIsRefused() {
        ScenarioException.Problem problem = firstProblem(VALID, "nodes");
        assertTrue(problem.message().contains("expected key=value"), problem.toString());
    }
}
