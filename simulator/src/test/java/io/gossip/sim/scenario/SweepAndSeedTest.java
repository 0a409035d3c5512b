package io.gossip.sim.scenario;

import static io.gossip.sim.scenario.ScenarioTexts.VALID;
import static io.gossip.sim.scenario.ScenarioTexts.firstProblem;
import static io.gossip.sim.scenario.ScenarioTexts.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sweeps expand into one RunPlan point per value; seeds are kept, overridden or drawn and written. */
class SweepAndSeedTest {

    @Test
    void withoutSweepThePlanHasOnePointWithoutValue() throws Exception {
        RunPlan plan = read(VALID).plan();
        assertNull(plan.parameter());
        assertEquals(1, plan.points().size());
        assertNull(plan.points().get(0).value());
    }

    @Test
    void sweepGivesOnePointPerValueInOrder() throws Exception {
        RunPlan plan = read(VALID + "sweep: {parameter: timeline.1.fraction, values: [0, 0.25, 0.5]}\n").plan();
        assertEquals("timeline.1.fraction", plan.parameter());
        assertEquals(List.of("0", "0.25", "0.5"), plan.points().stream().map(RunPlan.Point::value).toList());
        for (int i = 0; i < 3; i++) {
            RunPlan.Point point = plan.points().get(i);
            assertEquals(i, point.index());
            TimelineAction.Crash crash = (TimelineAction.Crash) point.scenario().timeline().get(1);
            assertEquals(Double.parseDouble(point.value()), crash.nodes().fraction());
            assertEquals(200, point.scenario().nodes());
        }
    }

    @Test
    void sweepOfNodesChangesOnlyTheNodeCount() throws Exception {
        RunPlan plan = read(VALID + "sweep:\n  parameter: nodes\n  values: [100, 300]\n").plan();
        assertEquals(List.of(100, 300), plan.points().stream().map(p -> p.scenario().nodes()).toList());
        assertEquals(plan.points().get(0).scenario().timeline(), plan.points().get(1).scenario().timeline());
    }

    @Test
    void badSweepValueIsReportedAtTheValue() {
        String text = VALID + "sweep:\n  parameter: nodes\n  values: [100, 0]\n";
        ScenarioException.Problem problem = firstProblem(text);
        assertEquals(new Location("test.yaml", 15, 17), problem.location());
        assertTrue(problem.message().startsWith("with sweep nodes = 0: nodes: must be an integer >= 1"),
                problem.toString());
    }

    @Test
    void aSetOfTheSweptKeyIsRefusedRatherThanSilentlyIgnored() throws Exception {
        String text = VALID + "sweep: {parameter: network, values: [{loss: 0}, {loss: 0.2}]}\n";
        assertEquals("--set network.loss=0.3: network.loss is swept (sweep.parameter: network): every point sets "
                + "it to one of sweep.values, so this value would never be used; change sweep.values, or run "
                + "without the sweep (--set sweep=)", firstProblem(text, "network.loss=0.3").toString());
        assertEquals(1, read(text, "network.loss=0.3", "sweep=").plan().points().size(), "no sweep, one point");
        assertEquals(2, read(text, "protocol.c=3").plan().points().size(), "another key is fine");
    }

    @Test
    void aSeedOptionIsRefusedWhenTheSeedIsSweptAsASetOfItIs() throws Exception {
        String text = VALID + "sweep: {parameter: seed, values: [1, 2]}\n";
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new ScenarioReader(List.of(), 7L, () -> 3L).read(text, "test.yaml"));
        assertEquals("--seed 7: seed is swept (sweep.parameter: seed): every point sets it to one of sweep.values, "
                + "so --seed 7 would never be used; change sweep.values, or run without the sweep (--set sweep=)",
                e.problems().get(0).toString());
        assertEquals(1, e.problems().size(), e.getMessage());
        LoadedScenario unswept = new ScenarioReader(List.of("sweep="), 7L, () -> 3L).read(text, "test.yaml");
        assertEquals(7, unswept.plan().points().get(0).scenario().seed(), "without the sweep --seed is used");
        assertEquals(List.of(1L, 2L), read(text).plan().points().stream().map(p -> p.scenario().seed()).toList());
    }

    @Test
    void aSweptValueWithACommaIsRefusedAtTheValueBeforeAnythingRuns() {
        // points.csv writes the value unquoted: a comma would split its row (a run failed at its end).
        String text = VALID + "sweep:\n  parameter: description\n  values: [plain, \"a, b\", \"c,d\"]\n";
        ScenarioException e = ScenarioTexts.refusal(text);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals("test.yaml:15:19: sweep.values.1: a swept value must not contain a comma or a line break "
                + "(points.csv writes it unquoted in its value column), got 'a, b'", e.problems().get(0).toString());
        assertEquals(new Location("test.yaml", 15, 27), e.problems().get(1).location());
    }

    @Test
    void unknownSweepParameterIsReportedOnceWithASuggestion() {
        String text = VALID + "sweep:\n  parameter: protocol.cc\n  values: [1, 2]\n";
        ScenarioException e = ScenarioTexts.refusal(text);
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(new Location("test.yaml", 14, 14), e.problems().get(0).location());
        assertTrue(e.problems().get(0).message().contains("Did you mean 'c'?"), e.getMessage());
    }

    @Test
    void seedFromTheFileIsKept() throws Exception {
        LoadedScenario loaded = read(VALID);
        assertEquals(42, loaded.seed());
        assertFalse(loaded.seedGenerated());
    }

    @Test
    void seedOptionReplacesTheFilesSeed() throws Exception {
        LoadedScenario loaded = new ScenarioReader(List.of(), 99L, () -> 7L).read(VALID, "test.yaml");
        assertEquals(99, loaded.seed());
        assertEquals(99, loaded.plan().points().get(0).scenario().seed());
        assertTrue(loaded.effectiveYaml().contains("seed: 99\n"), loaded.effectiveYaml());
    }

    @Test
    void missingSeedIsDrawnAndWrittenRightAfterTheName() throws Exception {
        LoadedScenario loaded = read(VALID.replace("seed: 42\n", ""));
        assertTrue(loaded.seedGenerated());
        assertEquals(7, loaded.seed());
        assertTrue(loaded.effectiveYaml().contains("name: small\nseed: 7\nnodes: 200\n"), loaded.effectiveYaml());
    }

    @Test
    void effectiveScenarioReplaysToTheSamePlan() throws Exception {
        String text = VALID.replace("seed: 42\n", "") + "sweep: {parameter: nodes, values: [100, 300]}\n";
        LoadedScenario first = read(text, "network.loss=0.25", "protocol.c=4");
        LoadedScenario replay = new ScenarioReader(List.of(), null, () -> {
            throw new AssertionError("a replay must not draw a new seed");
        }).read(first.effectiveYaml(), "scenario.yaml");
        assertEquals(first.plan(), replay.plan());
        assertEquals(first.effectiveYaml(), replay.effectiveYaml());
    }

    /** Replays {@code text} from its effective scenario, which must give the same plan and text. */
    private static void assertReplays(String text) throws Exception {
        LoadedScenario first = read(text);
        LoadedScenario replay = read(first.effectiveYaml());
        assertEquals(first.plan(), replay.plan(), first.effectiveYaml());
        assertEquals(first.effectiveYaml(), replay.effectiveYaml());
    }

    /**
     * Found by probing the effective scenario with the texts ScenarioFuzzProperties draws: a quoted
     * text that YAML reads as a number when unquoted ('0x1F', '1_000', '1e3', '.inf') was written
     * without its quotes, so sim run's scenario.yaml was refused on replay ("description: expected a
     * text, got the number 31") or swept another value.
     */
    @Test
    void aTextThatLooksLikeANumberKeepsItsQuotesInTheEffectiveScenario() throws Exception {
        for (String looksLikeANumber : List.of("0x1F", "1_000", "1e3", "1e+3", "0b11", ".inf", "-.inf", "+.inf",
                ".NaN", "12")) {
            assertReplays(VALID + "description: '" + looksLikeANumber + "'\n");
            assertReplays(VALID + "sweep: {parameter: description, values: ['" + looksLikeANumber + "', b]}\n");
        }
        assertReplays(VALID + "description: \"a\\u0085b\"\n"); // a next-line character, a line break to YAML
    }

    /**
     * Found by probing the values ScenarioFuzzProperties draws: hex integers of 16 digits come from
     * the YAML parser as big integers, so Long.MAX_VALUE written 0x7fffffffffffffff was refused as
     * "seed: must be an integer <= 9223372036854775807, got 9223372036854775807".
     */
    @Test
    void anIntegerThatFitsALongIsTakenHoweverItIsWritten() throws Exception {
        String hex = VALID.replace("seed: 42", "seed: 0x7fffffffffffffff");
        assertEquals(Long.MAX_VALUE, ScenarioTexts.scenario(hex).seed());
        assertEquals(Long.MIN_VALUE, ScenarioTexts.scenario(VALID, "seed=-0x8000000000000000").seed());
        assertEquals("--set seed=0x8000000000000000: seed: must be an integer <= 9223372036854775807, got "
                + "9223372036854775808", firstProblem(VALID, "seed=0x8000000000000000").toString());
    }
}
