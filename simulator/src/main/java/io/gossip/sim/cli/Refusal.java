package io.gossip.sim.cli;

import io.gossip.sim.scenario.ScenarioException;
import java.io.PrintWriter;
import java.util.List;

/** Prints a refused scenario's problems and returns the bad-input exit code. */
final class Refusal {
    /**
     * The most problems printed: enough for every mistake of a hand-written scenario, while a
     * generated one with a mistake in each of thousands of actions does not bury the first ones.
     */
    static final int MAX_SHOWN = 20;

    private Refusal() {
    }

    static int print(PrintWriter err, ScenarioException e) {
        List<ScenarioException.Problem> problems = e.problems();
        problems.stream().limit(MAX_SHOWN).forEach(err::println);
        int count = problems.size();
        if (count > MAX_SHOWN) {
            err.println("... and " + (count - MAX_SHOWN) + " more, not shown");
        }
        err.println("scenario refused (" + count + (count == 1 ? " problem" : " problems") + "); nothing was run.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
