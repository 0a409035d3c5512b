package io.gossip.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Message#forEachNamedId}: the ids a message carries, beyond its (implicit) sender and receiver. */
class NamedIdsTest {
    private static List<Integer> named(Message message) {
        List<Integer> ids = new ArrayList<>();
        message.forEachNamedId(ids::add);
        return ids;
    }

    @Test
    void eachMessageNamesExactlyTheIdsInItsFields() {
        assertEquals(List.of(7), named(new ForwardedSubscription(1, 7, 0, 0)));
        assertEquals(List.of(8), named(new Walk(1, 8, 1.0, 0, 0, 0)));
        assertEquals(List.of(9), named(new Replace(1, 9)));
        assertEquals(List.of(10), named(Gossip.create(10, 3, 1, new byte[] {1})));
        for (Message none : List.of(new Subscribe(1, 0, 0), new Keep(1), new Remove(1), new Unlink(1), new Adopt(1),
                new Ack(1), Heartbeat.INSTANCE)) {
            assertEquals(List.of(), named(none), none.toString());
        }
    }
}
