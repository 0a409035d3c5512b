package io.gossip.sim.run;

/**
 * Told where a measured run's phases begin and end, on the run's own thread, so that a tool can
 * look at one phase alone (a profiler started at the first broadcast, say). Never told about a
 * warm-up. It must not change the run: it may read the clock or start a profiler, nothing more.
 */
public interface PhaseWatcher {
    /** A watcher that does nothing. */
    PhaseWatcher NONE = new PhaseWatcher() {
    };

    /** The measured run's loop is about to handle its first event (the join phase begins). */
    default void joinPhaseStarts() {
    }

    /** The first broadcast is due: the join phase is over and the broadcast phase begins. */
    default void broadcastPhaseStarts() {
    }

    /** The measured run's loop has handled its last event. */
    default void runEnds() {
    }
}
