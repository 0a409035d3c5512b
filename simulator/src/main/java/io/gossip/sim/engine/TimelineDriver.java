package io.gossip.sim.engine;

import io.gossip.sim.network.PartitionGroups;
import io.gossip.sim.scenario.TimelineAction;
import io.gossip.sim.results.Decimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns the scenario's timeline actions into steps on the event queue and executes them: joins,
 * broadcasts, crashes, unsubscriptions, partitions and churn. Every random choice (contacts, origins,
 * which nodes fail, partition groups, churn arrivals) is drawn from the timeline's own generator.
 * Each executed action leaves a row for {@code events.csv}.
 */
final class TimelineDriver {
    private final TimelineGroup group;
    private final NodeTable table;
    private final SplittableRandom random;

    TimelineDriver(TimelineGroup group, SplittableRandom random) {
        this.group = group;
        this.table = group.table();
        this.random = random;
    }

    /** Validates the actions against the run (again: a run may be started without the runner) and schedules them. */
    void scheduleAll(List<TimelineAction> actions, int maxPayloadBytes) {
        for (TimelineAction action : actions) {
            Validation.check(action, table.size(), maxPayloadBytes);
        }
        for (TimelineAction action : actions) {
            long at = micros(action.atMillis());
            if (action instanceof TimelineAction.Join join) {
                group.schedule(at, t -> startJoin(join, t));
            } else if (action instanceof TimelineAction.Broadcast broadcast) {
                group.schedule(at, t -> broadcastStep(broadcast, 0, at));
            } else if (action instanceof TimelineAction.Crash crash) {
                group.schedule(at, t -> fail("crash", crash.nodes(), true));
            } else if (action instanceof TimelineAction.Unsubscribe unsubscribe) {
                group.schedule(at, t -> fail("unsubscribe", unsubscribe.nodes(), false));
            } else if (action instanceof TimelineAction.Partition partition) {
                group.schedule(at, t -> startPartition(partition));
            } else if (action instanceof TimelineAction.Churn churn) {
                group.schedule(at, t -> new ChurnProcess(group, random, churn).start(t));
            }
        }
    }

    /**
     * Whether any of {@code actions} may make a node leave or crash: a crash, an unsubscription, or
     * a churn with leaves. Joins and partitions end no node.
     */
    static boolean endsNodes(List<TimelineAction> actions) {
        for (TimelineAction action : actions) {
            if (action instanceof TimelineAction.Crash || action instanceof TimelineAction.Unsubscribe
                    || action instanceof TimelineAction.Churn churn && churn.leavesPerSecond() > 0) {
                return true;
            }
        }
        return false;
    }

    static long micros(double millis) {
        return Math.round(millis * 1000);
    }

    private void startJoin(TimelineAction.Join join, long startMicros) {
        int available = table.unusedCount();
        int count = join.count() < 0 ? available : Math.min(join.count(), available);
        String requested = join.count() > count ? " requested=" + join.count() : "";
        group.record("join", "count=" + count + requested + " over_ms=" + Decimal.of(join.overMillis())
                + " contacts=" + join.contacts().name().toLowerCase(java.util.Locale.ROOT));
        if (count > 0) {
            joinStep(startMicros, micros(join.overMillis()), 0, count,
                    join.contacts() == TimelineAction.Join.Contacts.UNIFORM);
        }
    }

    private void joinStep(long startMicros, long overMicros, int i, int count, boolean uniform) {
        group.joinNext(uniform);
        int next = i + 1;
        if (next < count) {
            long at = startMicros + (long) Math.floor((double) overMicros * next / count);
            group.schedule(at, t -> joinStep(startMicros, overMicros, next, count, uniform));
        }
    }

    private void broadcastStep(TimelineAction.Broadcast action, int i, long startMicros) {
        int origin = action.source();
        if (origin < 0) {
            origin = table.liveCount() == 0 ? -1 : table.liveAt(random.nextInt(table.liveCount()));
        }
        if (origin < 0 || !table.isLive(origin)) {
            group.record("broadcast", "skipped source=" + action.source() + " not_live");
            group.broadcastSkipped(action.source());
        } else {
            int b = group.broadcastFrom(origin, new byte[action.payloadBytes()]);
            group.record("broadcast", "broadcast=" + b + " origin=" + origin);
        }
        int next = i + 1;
        if (next < action.count()) {
            long at = startMicros + micros(action.intervalMillis() * next);
            group.schedule(at, t -> broadcastStep(action, next, startMicros));
        }
    }

    private void fail(String action, TimelineAction.NodeSelection selection, boolean crash) {
        int[] chosen = select(selection);
        int done = 0;
        for (int node : chosen) {
            if (table.isLive(node)) {
                if (crash) {
                    group.crash(node);
                } else {
                    group.unsubscribe(node);
                }
                done++;
            }
        }
        String skipped = done < chosen.length ? " skipped_not_live=" + (chosen.length - done) : "";
        group.record(action, "nodes=" + done + skipped);
    }

    /** A fraction of the live members drawn uniformly without replacement, or the listed nodes. */
    private int[] select(TimelineAction.NodeSelection selection) {
        if (selection.nodes() != null) {
            return selection.nodes().stream().mapToInt(Integer::intValue).toArray();
        }
        int live = table.liveCount();
        int k = (int) Math.min(live, Math.round(selection.fraction() * live));
        int[] pool = new int[live];
        for (int i = 0; i < live; i++) {
            pool[i] = table.liveAt(i);
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(live - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        return java.util.Arrays.copyOf(pool, k);
    }

    private void startPartition(TimelineAction.Partition partition) {
        int[] members = new int[table.liveCount()];
        for (int i = 0; i < members.length; i++) {
            members[i] = table.liveAt(i);
        }
        int[] groups = PartitionGroups.assign(table.size(), members, partition.fractions(), random);
        group.partition(groups);
        group.record("partition", "groups=" + partition.fractions().size() + " until_ms="
                + Decimal.of(partition.untilMillis()));
        // A later partition replaces this one, and lasts until its own end: this end then heals nothing.
        group.schedule(micros(partition.untilMillis()), t -> {
            if (group.heal(groups)) {
                group.record("heal", "partition_from_ms=" + Decimal.of(partition.atMillis()));
            }
        });
    }
}
