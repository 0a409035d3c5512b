package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
    @Test
    void firesByDeadlineThenByInsertionOrderAndOnlyWhenDue() {
        TimerQueue timers = new TimerQueue();
        ByteBuffer first = ByteBuffer.allocate(1);
        ByteBuffer second = ByteBuffer.allocate(2);
        timers.wakeAt(300, null);
        timers.sendAt(100, null, first, null);
        timers.sendAt(100, null, second, null);
        assertEquals(100, timers.nextDeadline());
        assertNull(timers.pollDue(99));
        assertEquals(first, timers.pollDue(100).datagram());
        assertEquals(second, timers.pollDue(100).datagram());
        assertNull(timers.pollDue(299));
        assertEquals(300, timers.pollDue(1_000).deadlineMicros());
        assertEquals(Long.MAX_VALUE, timers.nextDeadline());
        assertEquals(0, timers.size());
    }
}
