package io.gossip.protocol;

import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;
import java.util.ArrayList;
import java.util.List;

/** An environment that records what nodes do, for tests that drive a node by hand. */
final class RecordingEnvironment implements Environment {
    record Sent(int from, int to, Message message) {
    }

    final List<Sent> sent = new ArrayList<>();
    final List<Gossip> delivered = new ArrayList<>();
    final List<Long> wakes = new ArrayList<>();

    @Override
    public void send(int from, int to, Message message) {
        sent.add(new Sent(from, to, message));
    }

    @Override
    public void deliver(int node, Gossip message) {
        delivered.add(message);
    }

    @Override
    public void wakeAt(int node, long deadlineMicros) {
        wakes.add(deadlineMicros);
    }

    /** Messages of the given class, in send order. */
    <T extends Message> List<T> sentOf(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Sent s : sent) {
            if (type.isInstance(s.message())) {
                out.add(type.cast(s.message()));
            }
        }
        return out;
    }

    /** Sends of the given message class, in send order. */
    List<Sent> sendsOf(Class<? extends Message> type) {
        List<Sent> out = new ArrayList<>();
        for (Sent s : sent) {
            if (type.isInstance(s.message())) {
                out.add(s);
            }
        }
        return out;
    }

    void clear() {
        sent.clear();
        delivered.clear();
        wakes.clear();
    }
}
