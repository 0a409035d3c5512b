package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.results.EventRow;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.OutputSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnTest {
    private static RunResult churn(boolean crash) {
        List<TimelineAction> timeline = List.of(
                new TimelineAction.Join(0, 300, 300_000, TimelineAction.Join.Contacts.UNIFORM),
                new TimelineAction.Churn(310_000, 410_000, 2, 1, crash));
        Scenario s = new Scenario("churn", 31, 1, 600, TestScenarios.quietProtocol(), MembershipSpec.scamp(), null,
                TestScenarios.uniformNetwork(0.01), timeline, 420_000, new OutputSpec(10_000, 10));
        return TestScenarios.runScamp(s);
    }

    private static long count(RunResult r, String action) {
        return r.eventRows().stream().filter(e -> e.action().equals(action)).count();
    }

    @Test
    void churnJoinsAndLeavesAtTheirPoissonRatesWithinTheWindow() {
        RunResult r = churn(false);
        long joins = count(r, "churn-join");
        long leaves = count(r, "churn-leave");
        // 100 s at 2 joins/s and 1 leave/s: Poisson means 200 and 100, four standard deviations.
        assertEquals(200, joins, 4 * Math.sqrt(200));
        assertEquals(100, leaves, 4 * Math.sqrt(100));
        for (EventRow e : r.eventRows()) {
            if (e.action().startsWith("churn-") && !e.action().equals("churn-end")) {
                assertTrue(e.timeMicros() >= 310_000_000L && e.timeMicros() < 410_000_000L, e.toString());
            }
        }
        long live = 0;
        for (int slot = 0; slot < r.nodes().size(); slot++) {
            live += r.nodes().alive(slot) ? 1 : 0;
        }
        assertEquals(300 + joins - leaves, live);
        EventRow end = r.eventRows().stream().filter(e -> e.action().equals("churn-end")).findFirst().orElseThrow();
        assertEquals("joins=" + joins + " leaves=" + leaves, end.detail());
    }

    @Test
    void crashingChurnLeavesCrashedNodesThatReceiveNothingAfterwards() {
        RunResult r = churn(true);
        assertTrue(count(r, "churn-leave") > 50);
        assertTrue(r.eventRows().stream().filter(e -> e.action().equals("churn-leave"))
                .allMatch(e -> e.detail().endsWith(" crash")));
        assertTrue(r.networkDrops()[io.gossip.sim.network.NetworkDropReason.CRASHED_DESTINATION.ordinal()] > 0);
    }

    /**
     * Found by ScenarioFuzzProperties ({@code --set timeline.2.leavesPerSecond=1e-320}): a rate so
     * small that a Poisson gap, in microseconds, rounded to Long.MAX_VALUE; added to the clock it
     * wrapped to a time in the past, and the churn left or joined again and again at that time, never
     * reaching the end of the run.
     */
    @Test
    void aRateTooSmallEverToFireEndsTheRunWithoutAJoinOrALeave() {
        List<TimelineAction> timeline = List.of(
                new TimelineAction.Join(0, 20, 2_000, TimelineAction.Join.Contacts.UNIFORM),
                new TimelineAction.Churn(3_000, 8_000, Double.MIN_VALUE, Double.MIN_VALUE, false));
        Scenario s = new Scenario("churn", 31, 1, 30, TestScenarios.quietProtocol(), MembershipSpec.scamp(), null,
                TestScenarios.uniformNetwork(0.01), timeline, 10_000, new OutputSpec(0, 10));
        RunResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TestScenarios.runScamp(s));
        assertEquals(0, count(r, "churn-join"));
        assertEquals(0, count(r, "churn-leave"));
        assertEquals(1, count(r, "churn-end"));
    }
}
