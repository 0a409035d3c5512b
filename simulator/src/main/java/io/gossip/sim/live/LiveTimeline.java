package io.gossip.sim.live;

import io.gossip.sim.results.Decimal;
import io.gossip.sim.scenario.TimelineAction;
import io.gossip.udp.MessageId;
import io.gossip.udp.cluster.LoopbackCluster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The live counterpart of the simulator's timeline driver: turns join, broadcast, crash and
 * unsubscribe actions into steps of a {@link LiveRun} and performs them on its cluster, with the
 * same rules (joins spread evenly over {@code overMillis}, the first node bootstraps, uniform or
 * single contacts, random live origins, fractions drawn without replacement) and the same
 * {@code events.csv} rows. Every random choice comes from the run's timeline generator.
 */
final class LiveTimeline {
    private final LiveRun run;
    private final SlotTable slots;
    private final SplittableRandom random;

    LiveTimeline(LiveRun run, SplittableRandom random) {
        this.run = run;
        this.slots = run.slots();
        this.random = random;
    }

    void scheduleAll(List<TimelineAction> actions, int maxPayloadBytes) {
        for (TimelineAction action : actions) {
            long at = micros(action.atMillis());
            if (action instanceof TimelineAction.Join join) {
                run.schedule(at, t -> startJoin(join, t));
            } else if (action instanceof TimelineAction.Broadcast broadcast) {
                if (broadcast.payloadBytes() > maxPayloadBytes) {
                    throw new IllegalArgumentException("broadcast payloadBytes exceeds maxPayloadBytes");
                }
                run.schedule(at, t -> broadcastStep(broadcast, 0, at));
            } else if (action instanceof TimelineAction.Crash crash) {
                run.schedule(at, t -> fail("crash", crash.nodes(), true));
            } else if (action instanceof TimelineAction.Unsubscribe unsubscribe) {
                run.schedule(at, t -> fail("unsubscribe", unsubscribe.nodes(), false));
            } else {
                throw new IllegalArgumentException("cannot run live: " + action);
            }
        }
    }

    static long micros(double millis) {
        return Math.round(millis * 1000);
    }

    private void startJoin(TimelineAction.Join join, long startMicros) {
        long started = run.nowMicros();
        int available = slots.unusedCount();
        int count = join.count() < 0 ? available : Math.min(join.count(), available);
        String requested = join.count() > count ? " requested=" + join.count() : "";
        run.record(started, "join", "count=" + count + requested + " over_ms=" + Decimal.of(join.overMillis())
                + " contacts=" + join.contacts().name().toLowerCase(Locale.ROOT));
        if (count > 0) {
            joinStep(startMicros, micros(join.overMillis()), 0, count,
                    join.contacts() == TimelineAction.Join.Contacts.UNIFORM);
        }
    }

    private void joinStep(long startMicros, long overMicros, int i, int count, boolean uniform) {
        joinNext(uniform);
        int next = i + 1;
        if (next < count) {
            long at = startMicros + (long) Math.floor((double) overMicros * next / count);
            run.schedule(at, t -> joinStep(startMicros, overMicros, next, count, uniform));
        }
    }

    /** The next unused slot bootstraps (no live member) or joins through a uniform or the first live member. */
    private void joinNext(boolean uniform) {
        if (slots.unusedCount() == 0) {
            return;
        }
        int contact = -1;
        if (slots.liveCount() > 0) {
            contact = uniform ? slots.liveAt(random.nextInt(slots.liveCount())) : slots.lowestLive();
        }
        int slot = slots.join();
        LoopbackCluster cluster = run.cluster();
        if (contact < 0) {
            cluster.node(slot).bootstrap();
        } else {
            cluster.join(slot, contact);
        }
    }

    private void broadcastStep(TimelineAction.Broadcast action, int i, long startMicros) {
        long started = run.nowMicros();
        int origin = action.source();
        if (origin < 0) {
            origin = slots.liveCount() == 0 ? -1 : slots.liveAt(random.nextInt(slots.liveCount()));
        }
        if (origin < 0 || !slots.isLive(origin)) {
            run.record(started, "broadcast", "skipped source=" + action.source() + " not_live");
        } else {
            int b = broadcastFrom(origin, new byte[action.payloadBytes()]);
            run.record(started, "broadcast", "broadcast=" + b + " origin=" + origin);
        }
        int next = i + 1;
        if (next < action.count()) {
            long at = startMicros + micros(action.intervalMillis() * next);
            run.schedule(at, t -> broadcastStep(action, next, startMicros));
        }
    }

    /**
     * Hands a broadcast to its origin's loop, after asking every loop for the gossip totals before
     * it, and waits for neither ({@link LiveBroadcasts} reads both at the end).
     */
    private int broadcastFrom(int origin, byte[] payload) {
        CompletableFuture<NodeCounters.GossipTotals> before = run.counters().totalsAsync(run.cluster(),
                run.openSlots());
        CompletableFuture<MessageId> id = run.cluster().broadcastAsync(origin, payload);
        int b = run.broadcasts().count();
        run.broadcasts().add(origin, id, slots.joins(), before);
        return b;
    }

    private void fail(String action, TimelineAction.NodeSelection selection, boolean crash) {
        long started = run.nowMicros();
        int[] chosen = select(selection);
        List<Integer> ending = new ArrayList<>(chosen.length);
        BitSet taken = new BitSet();
        for (int slot : chosen) {
            if (slot < slots.size() && slots.isLive(slot) && !taken.get(slot)) {
                taken.set(slot);
                ending.add(slot);
            }
        }
        if (crash) {
            // Their last figures, read together while their sockets are still open.
            run.counters().refresh(run.cluster(), ending);
            run.counters().refreshKernelDrops(run.cluster(), ending);
        }
        for (int slot : ending) {
            if (crash) {
                slots.end(slot, SlotTable.CRASHED);
                run.cluster().crash(slot);
            } else {
                slots.end(slot, SlotTable.LEFT);
                run.cluster().leaveAsync(slot);
            }
        }
        int done = ending.size();
        String skipped = done < chosen.length ? " skipped_not_live=" + (chosen.length - done) : "";
        run.record(started, action, "nodes=" + done + skipped);
    }

    /** A fraction of the live members drawn uniformly without replacement, or the listed nodes. */
    private int[] select(TimelineAction.NodeSelection selection) {
        if (selection.nodes() != null) {
            return selection.nodes().stream().mapToInt(Integer::intValue).toArray();
        }
        int live = slots.liveCount();
        int k = (int) Math.min(live, Math.round(selection.fraction() * live));
        int[] pool = new int[live];
        for (int i = 0; i < live; i++) {
            pool[i] = slots.liveAt(i);
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(live - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        return Arrays.copyOf(pool, k);
    }
}
