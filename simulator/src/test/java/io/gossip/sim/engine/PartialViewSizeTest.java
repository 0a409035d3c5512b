package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.Scenario;
import org.junit.jupiter.api.Test;

class PartialViewSizeTest {
    @Test
    void meanPartialViewIsCPlusOneTimesLnNWithUniformContacts() {
        int n = 10_000;
        // One join per virtual second: the paper's sequential joins (see docs/simulator-engine.md for
        // what concurrent joins at the start do to the mean).
        Scenario s = TestScenarios.scenario("pv", 2003, n, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0), n * 1_000.0, n * 1_000.0 + 10_000);
        RunResult r = TestScenarios.runScamp(s);
        double expected = 2 * Math.log(n);
        double mean = TestScenarios.meanPartialView(r);
        assertEquals(expected, mean, 0.10 * expected, "mean PartialView");
    }
}
