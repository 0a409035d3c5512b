package io.gossip.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.CounterSnapshot;
import io.gossip.protocol.message.MessageType;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The forwarded-subscription benchmarks, object and arena, do the same operation and leave the
 * member as they found it: each call sends one message (the copy passed on, or a Keep for a
 * subscriber kept, about one call in |PartialView|+1), and a kept subscriber's Remove restores the
 * PartialView, so the view is the same after every call, whatever {@code viewSize}.
 */
class ForwardedSubscriptionOperationsTest {
    private static final int OPERATIONS = 40_000;
    private static final int FORWARDED = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
    private static final int KEEP = MessageType.KEEP.ordinal();

    @Test
    void aScampNodeKeepsItsViewAndSendsOneMessagePerCall() {
        for (int viewSize : new int[] {18, 5}) {
            ForwardedSubscriptionBenchmark benchmark = new ForwardedSubscriptionBenchmark();
            benchmark.viewSize = viewSize;
            benchmark.setUp();
            check(viewSize, benchmark::handleForwardedSubscription, () -> benchmark.node.partialView(),
                    () -> benchmark.node.counters().snapshot());
        }
    }

    @Test
    void anArenaMemberKeepsItsViewAndSendsOneMessagePerCall() {
        for (int viewSize : new int[] {18, 5}) {
            ArenaForwardedSubscriptionBenchmark benchmark = new ArenaForwardedSubscriptionBenchmark();
            benchmark.viewSize = viewSize;
            benchmark.setUp();
            int node = ArenaForwardedSubscriptionBenchmark.NODE;
            check(viewSize, benchmark::handleForwardedSubscription, () -> benchmark.arena.partialView(node),
                    benchmark.env.counters::snapshot);
            assertEquals(0, benchmark.arena.unacknowledgedCount(node), "nothing awaits an ack");
        }
    }

    private static void check(int viewSize, Runnable call, Supplier<int[]> view, Supplier<CounterSnapshot> counters) {
        int[] start = view.get();
        assertEquals(viewSize, start.length);
        CounterSnapshot before = counters.get();
        for (int i = 0; i < OPERATIONS; i++) {
            call.run();
            int[] now = view.get();
            if (!Arrays.equals(start, now)) {
                assertArrayEquals(start, now, "PartialView after call " + i);
            }
        }
        CounterSnapshot after = counters.get();
        long forwarded = after.sentByType()[FORWARDED] - before.sentByType()[FORWARDED];
        long keeps = after.sentByType()[KEEP] - before.sentByType()[KEEP];
        assertEquals(OPERATIONS, forwarded + keeps, "one send per call");
        assertEquals(keeps, after.subscriptionsKept() - before.subscriptionsKept());
        double keptShare = (double) keeps / OPERATIONS;
        double expected = 1.0 / (viewSize + 1);
        assertTrue(Math.abs(keptShare - expected) < 0.2 * expected, "kept " + keptShare + ", expected " + expected);
        assertArrayEquals(before.droppedByReason(), after.droppedByReason(), "no drops");
    }
}
