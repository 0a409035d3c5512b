package io.gossip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.protocol.CounterSnapshot;
import io.gossip.protocol.message.MessageType;
import org.junit.jupiter.api.Test;

/**
 * The gossip benchmarks measure the path their names say on every operation, not only the first
 * time round: a first receipt delivers and forwards to the whole PartialView, a duplicate is
 * counted and sends nothing. Each runs three times through its cycle of messages, past the point
 * where a first receipt's messages would come back as duplicates if its memory kept them.
 */
class GossipOperationsTest {
    private static final int VIEW_SIZE = 18;
    /** Three times {@code GossipBenchmark}'s cycle of 8,192 messages, and a few more. */
    private static final int OPERATIONS = 3 * 8_192 + 17;
    private static final int GOSSIP = MessageType.GOSSIP.ordinal();

    private final ArenaGossipBenchmark.Call call = new ArenaGossipBenchmark.Call();

    @Test
    void everyFirstReceiptOfAScampNodeIsDeliveredAndForwardedToTheWholeView() {
        GossipBenchmark benchmark = new GossipBenchmark();
        GossipBenchmark.FreshMessages state = new GossipBenchmark.FreshMessages();
        state.viewSize = VIEW_SIZE;
        state.setUp();
        CounterSnapshot before = state.node.counters().snapshot();
        for (int i = 0; i < OPERATIONS; i++) {
            benchmark.firstReceipt(state);
        }
        assertFirstReceipts(before, state.node.counters().snapshot());
        assertEquals(OPERATIONS, state.env.deliveries());
    }

    @Test
    void everyDuplicateOfAScampNodeIsCountedAndSendsNothing() {
        GossipBenchmark benchmark = new GossipBenchmark();
        GossipBenchmark.SeenMessages state = new GossipBenchmark.SeenMessages();
        state.viewSize = VIEW_SIZE;
        state.remembered = 10;
        state.setUp();
        CounterSnapshot before = state.node.counters().snapshot();
        long sends = state.env.sends();
        for (int i = 0; i < OPERATIONS; i++) {
            benchmark.duplicate(state);
        }
        assertDuplicates(before, state.node.counters().snapshot());
        assertEquals(sends, state.env.sends());
    }

    @Test
    void everyFirstReceiptOfAnArenaMemberIsDeliveredAndForwardedToTheWholeView() {
        ArenaGossipBenchmark benchmark = new ArenaGossipBenchmark();
        ArenaGossipBenchmark.FreshMessages state = new ArenaGossipBenchmark.FreshMessages();
        state.viewSize = VIEW_SIZE;
        state.setUp();
        CounterSnapshot before = state.env.counters.snapshot();
        for (int i = 0; i < OPERATIONS; i++) {
            benchmark.firstReceipt(state, call);
        }
        assertFirstReceipts(before, state.env.counters.snapshot());
    }

    @Test
    void everyDuplicateOfAnArenaMemberIsCountedAndSendsNothing() {
        ArenaGossipBenchmark benchmark = new ArenaGossipBenchmark();
        ArenaGossipBenchmark.SeenMessages state = new ArenaGossipBenchmark.SeenMessages();
        state.viewSize = VIEW_SIZE;
        state.remembered = 10;
        state.setUp();
        CounterSnapshot before = state.env.counters.snapshot();
        long sends = state.env.sends();
        for (int i = 0; i < OPERATIONS; i++) {
            benchmark.duplicate(state, call);
        }
        assertDuplicates(before, state.env.counters.snapshot());
        assertEquals(sends, state.env.sends());
    }

    @Test
    void everyInOrderFirstReceiptOfAnArenaMemberIsDelivered() {
        ArenaGossipBenchmark benchmark = new ArenaGossipBenchmark();
        ArenaGossipBenchmark.MessagesInOrder state = new ArenaGossipBenchmark.MessagesInOrder();
        state.viewSize = VIEW_SIZE;
        state.setUp();
        CounterSnapshot before = state.env.counters.snapshot();
        for (int i = 0; i < OPERATIONS; i++) {
            benchmark.firstReceiptInOrder(state, call);
        }
        assertFirstReceipts(before, state.env.counters.snapshot());
        state.check();
    }

    private static void assertFirstReceipts(CounterSnapshot before, CounterSnapshot after) {
        assertEquals(OPERATIONS, after.delivered() - before.delivered(), "deliveries");
        assertEquals(0, after.duplicates() - before.duplicates(), "duplicates");
        assertEquals((long) OPERATIONS * VIEW_SIZE, after.sentByType()[GOSSIP] - before.sentByType()[GOSSIP],
                "copies forwarded");
        assertEquals(sum(before.droppedByReason()), sum(after.droppedByReason()), "drops");
    }

    private static void assertDuplicates(CounterSnapshot before, CounterSnapshot after) {
        assertEquals(OPERATIONS, after.duplicates() - before.duplicates(), "duplicates");
        assertEquals(0, after.delivered() - before.delivered(), "deliveries");
        assertEquals(sum(before.droppedByReason()), sum(after.droppedByReason()), "drops");
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum;
    }
}
