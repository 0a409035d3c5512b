package io.gossip.sim.cli;

import io.gossip.sim.scenario.ScenarioException;
import java.io.PrintWriter;

/** Prints a refused scenario's problems and returns the bad-input exit code. */
final class Refusal {
    private Refusal() {
    }

    static int print(PrintWriter err, ScenarioException e) {
        err.println(e.getMessage());
        int count = e.problems().size();
        err.println("scenario refused (" + count + (count == 1 ? " problem" : " problems") + "); nothing was run.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
