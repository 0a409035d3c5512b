package io.gossip.sim.scenario;

import java.util.List;

/**
 * Something the scenario makes happen at virtual time {@code atMillis}. Node selections are either
 * a fraction of the live nodes (drawn with the run's seed) or an explicit list of node indices.
 */
public sealed interface TimelineAction {
    /** When the action starts, in virtual milliseconds from the start of the run. */
    double atMillis();

    /**
     * {@code count} new nodes join one after another, spaced evenly over {@code overMillis}
     * (0 = all at once), each through a contact: a uniformly random member, or always the first
     * node ({@code SINGLE}, the case indirection exists for). The first node of an empty group
     * bootstraps it. {@code count = -1} means every node slot not used yet.
     */
    record Join(double atMillis, int count, double overMillis, Contacts contacts) implements TimelineAction {
        /** How a joining node picks its contact. */
        public enum Contacts { UNIFORM, SINGLE }
    }

    /**
     * {@code count} broadcasts, {@code intervalMillis} apart, each from a live member chosen
     * uniformly ({@code source = -1}) or from node {@code source}, with a payload of
     * {@code payloadBytes} bytes.
     */
    record Broadcast(double atMillis, int count, double intervalMillis, int source, int payloadBytes)
            implements TimelineAction {
    }

    /** Silently stops a selection of live nodes: they send and receive nothing from then on. */
    record Crash(double atMillis, NodeSelection nodes) implements TimelineAction {
    }

    /** A selection of live nodes unsubscribes gracefully (the paper's replace/remove rule). */
    record Unsubscribe(double atMillis, NodeSelection nodes) implements TimelineAction {
    }

    /**
     * From {@code atMillis} to {@code untilMillis}, the nodes are split into groups (sizes in
     * proportion to {@code fractions}, assigned by the run's seed) and no message crosses groups.
     */
    record Partition(double atMillis, double untilMillis, List<Double> fractions) implements TimelineAction {
        public Partition {
            fractions = List.copyOf(fractions);
        }
    }

    /**
     * From {@code atMillis} to {@code untilMillis}, new nodes join at {@code joinsPerSecond}
     * (Poisson, through uniform contacts, while unused slots last) and live nodes leave at
     * {@code leavesPerSecond} (Poisson), gracefully or by crashing.
     */
    record Churn(double atMillis, double untilMillis, double joinsPerSecond, double leavesPerSecond,
            boolean crash) implements TimelineAction {
    }

    /** Either a fraction of the live nodes or explicit node indices. */
    record NodeSelection(Double fraction, List<Integer> nodes) {
        public NodeSelection {
            if ((fraction == null) == (nodes == null)) {
                throw new IllegalArgumentException("give either a fraction or a list of nodes");
            }
            nodes = nodes == null ? null : List.copyOf(nodes);
        }
    }
}
