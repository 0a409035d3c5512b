package io.gossip.sim.scenario;

/**
 * A scenario file read, overridden, checked and expanded: what {@code sim run} executes and the
 * text it saves as the run's {@code scenario.yaml}.
 *
 * @param plan one point per sweep value (one without a sweep)
 * @param effectiveYaml the scenario after {@code --set} overrides, with the seed written in:
 *     running this text again gives the same plan
 * @param seed the root seed of every point
 * @param seedGenerated whether the seed was drawn at random because neither the file nor the
 *     command line gave one
 */
public record LoadedScenario(RunPlan plan, String effectiveYaml, long seed, boolean seedGenerated) {

    /** The scenario name (the same for every point). */
    public String name() {
        return plan.points().get(0).scenario().name();
    }

    /** The line a run prints first, so that any run can be replayed. */
    public String seedLine() {
        return "seed " + seed + (seedGenerated ? " (drawn at random: replay with --seed " + seed + ")" : "");
    }
}
