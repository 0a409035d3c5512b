package io.gossip.sim.engine;

/**
 * Receives a run's progress every few thousand events, from the run's own thread. Implementations
 * throttle by wall clock themselves; the engine never reads the clock.
 */
@FunctionalInterface
public interface ProgressSink {
    /** Nothing to report to. */
    ProgressSink NONE = (virtualMicros, newEvents) -> { };

    /**
     * @param virtualMicros virtual time reached
     * @param newEvents events processed since the previous call
     */
    void progress(long virtualMicros, long newEvents);

    /**
     * Something the user should know while the run goes on, one sentence or two: the run does not
     * stop for it (a scenario that floods, {@link RunWarnings}). Nothing by default.
     */
    default void warning(String text) {
    }
}
