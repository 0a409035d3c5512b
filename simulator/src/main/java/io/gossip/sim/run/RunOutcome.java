package io.gossip.sim.run;

import java.nio.file.Path;

/**
 * What {@link SimulationRunner#run} produced.
 *
 * @param outDir the folder holding the result files
 * @param summary path of {@code summary.json}
 * @param runs runs executed (point × repetition × membership; an auxiliary SCAMP run made only to
 *     size an automatic baseline fanout is not counted)
 * @param events events over every run: messages delivered to nodes plus wakeups processed
 * @param wallSeconds wall-clock duration of the whole plan
 */
public record RunOutcome(Path outDir, Path summary, long runs, long events, double wallSeconds) {
    /** Events per wall-clock second over the whole plan. */
    public double eventsPerSecond() {
        return wallSeconds > 0 ? events / wallSeconds : 0;
    }
}
