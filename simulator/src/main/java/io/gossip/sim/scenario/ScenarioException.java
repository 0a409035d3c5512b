package io.gossip.sim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario (file or override) that cannot be run, with every problem found and where it is. The
 * message has one line per problem: {@code file:line:column: what is wrong, what was expected}.
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** One problem. */
    public ScenarioException(Location location, String message) {
        this(List.of(new Problem(location, message)));
    }

    /** Several problems, in the order found. */
    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a scenario exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One thing wrong with a scenario.
     *
     * @param location where it is
     * @param message what is wrong and what was expected
     */
    public record Problem(Location location, String message) {
        @Override
        public String toString() {
            return location + ": " + message;
        }
    }
}
