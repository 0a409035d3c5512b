package io.gossip.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found so far in one part of a scenario, so that a binder goes on to the next key
 * after a wrong one and a single refusal lists every mistake of a mapping (two misspelled keys,
 * a misspelled key and a value out of range, two values out of range), not only the first.
 */
final class Problems {
    /** One check of a key or section, which may refuse it. */
    interface Check<T> {
        T get() throws ScenarioException;
    }

    private final List<ScenarioException.Problem> found = new ArrayList<>();

    /** Runs {@code check}, recording its problems; null when it refused. */
    <T> T check(Check<T> check) {
        try {
            return check.get();
        } catch (ScenarioException e) {
            found.addAll(e.problems());
            return null;
        }
    }

    /** The list the problems go to, for {@link Fields#of} to add unknown keys to. */
    List<ScenarioException.Problem> list() {
        return found;
    }

    /** Throws with every problem recorded, if any. */
    void throwIfAny() throws ScenarioException {
        if (!found.isEmpty()) {
            throw new ScenarioException(found);
        }
    }
}
