package io.gossip.sim.engine;

/** Something the timeline makes happen at a scheduled virtual time (one step of an action). */
@FunctionalInterface
public interface Step {
    /** Runs the step at virtual time {@code nowMicros}. */
    void run(long nowMicros);
}
