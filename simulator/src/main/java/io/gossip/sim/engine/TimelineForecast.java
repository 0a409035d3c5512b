package io.gossip.sim.engine;

import io.gossip.sim.scenario.Scenario;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A scenario's timeline played alone, before the run: every join, broadcast, crash, unsubscription,
 * partition and churn arrival at its time, drawing from a generator seeded as the run's timeline
 * generator is, on a node table of its own, with no node, network or message. What it yields is
 * the node table as the run will leave it: which nodes will be live at the end.
 *
 * <p>It can, because the timeline reads nothing the nodes do: its choices (contacts, origins, who
 * crashes or leaves, partition groups, churn arrivals) depend only on its generator, the clock and
 * the table, and only the timeline changes the table. Its steps come out of the run's queue in
 * (time, insertion) order, as they come out of this forecast's own queue, whatever the messages
 * between them. The {@link BroadcastTracker} counts each broadcast's coverage against the nodes live
 * at the end; knowing them from the start, it can summarise a broadcast as soon as the broadcast
 * is over, even while nodes still leave, and let its per-node tables go. It checks the forecast
 * against the run: a node leaving that the forecast keeps, or other nodes gone at the end, is an
 * error, never a silently different result.
 */
final class TimelineForecast {
    private TimelineForecast() {
    }

    /**
     * The node table at the end of a run of {@code scenario} whose timeline generator is seeded with
     * {@code timelineSeed} and which stops at {@code endMicros}.
     */
    static NodeTable endTable(Scenario scenario, long timelineSeed, long endMicros) {
        SplittableRandom random = new SplittableRandom(timelineSeed);
        ForecastGroup group = new ForecastGroup(new NodeTable(scenario.nodes(), false), random, endMicros);
        new TimelineDriver(group, random).scheduleAll(scenario.timeline(), scenario.protocol().maxPayloadBytes());
        group.runAll();
        return group.table();
    }

    /** A timeline step due at {@code atMicros}, the {@code sequence}-th scheduled. */
    private record Pending(long atMicros, long sequence, Step step) {
    }

    /** The group as the timeline alone sees it: its table, and steps on a queue of their own. */
    private static final class ForecastGroup extends TimelineGroup {
        private final long endMicros;
        private final PriorityQueue<Pending> steps = new PriorityQueue<>((a, b) -> a.atMicros() != b.atMicros()
                ? Long.compare(a.atMicros(), b.atMicros()) : Long.compare(a.sequence(), b.sequence()));
        private long sequence;
        private long now;
        private int broadcasts;

        ForecastGroup(NodeTable table, SplittableRandom random, long endMicros) {
            super(table, random);
            this.endMicros = endMicros;
        }

        /** Runs the steps in order until none is left (none is scheduled past the end). */
        void runAll() {
            Pending next;
            while ((next = steps.poll()) != null) {
                now = next.atMicros();
                next.step().run(now);
            }
        }

        /** As in the run: dropped past the end, and never before the step scheduling it. */
        @Override
        void schedule(long atMicros, Step step) {
            if (atMicros <= endMicros) {
                steps.add(new Pending(Math.max(now, atMicros), sequence++, step));
            }
        }

        @Override
        void record(String action, String detail) {
        }

        @Override
        int broadcastFrom(int origin, byte[] payload) {
            return broadcasts++;
        }

        @Override
        void partition(int[] groupOfNode) {
        }

        @Override
        boolean heal(int[] groupOfNode) {
            return true;
        }

        @Override
        void joined(int node, int contact) {
        }

        @Override
        void leaving(int node) {
        }

        @Override
        void unsubscribed(int node) {
        }
    }
}
