package io.gossip.sim.cli;

/** The exit codes of the {@code sim} command. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** The run failed while running (I/O error, engine failure). */
    static final int RUNTIME_FAILURE = 1;
    /** A bad scenario or bad command-line usage: nothing was run. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
