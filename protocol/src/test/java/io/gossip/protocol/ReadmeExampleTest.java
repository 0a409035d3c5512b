package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The README's wiring example, kept compiling and working. */
class ReadmeExampleTest {
    // --- README example start
    /** A toy driver: instant delivery through a queue, one shared clock. */
    static final class QueueEnvironment implements Environment {
        record Envelope(int from, int to, Message message) { }

        final ArrayDeque<Envelope> queue = new ArrayDeque<>();
        final List<String> delivered = new ArrayList<>();

        @Override public void send(int from, int to, Message message) {
            queue.add(new Envelope(from, to, message));  // never call back into a node here
        }

        @Override public void deliver(int node, Gossip message) {
            delivered.add(node + " got " + new String(message.payload(), StandardCharsets.UTF_8));
        }

        @Override public void wakeAt(int node, long deadlineMicros) {
            // a real driver calls nodes[node].onTimeout(now) at deadlineMicros
        }
    }

    static List<String> runExample() {
        QueueEnvironment env = new QueueEnvironment();
        ProtocolConfig config = ProtocolConfig.builder().c(1).indirection(false).build();
        SplittableRandom root = new SplittableRandom(42);
        ScampNode[] nodes = new ScampNode[3];
        for (int id = 0; id < nodes.length; id++) {
            nodes[id] = new ScampNode(id, config, env, root.split(), new Counters());
        }
        long now = 0;
        nodes[0].bootstrap(now);
        nodes[1].join(now, 0);
        drain(env, nodes, now);
        nodes[2].join(now, 1);
        drain(env, nodes, now);
        nodes[0].broadcast(now, "hello".getBytes(StandardCharsets.UTF_8));
        drain(env, nodes, now);
        return env.delivered;  // ["1 got hello", "2 got hello"] in some order
    }

    static void drain(QueueEnvironment env, ScampNode[] nodes, long now) {
        for (QueueEnvironment.Envelope e; (e = env.queue.poll()) != null; ) {
            nodes[e.to()].onMessage(now, e.from(), e.message());
        }
    }
    // --- README example end

    @Test
    void readmeExampleDeliversToEveryOtherNode() {
        List<String> delivered = new ArrayList<>(runExample());
        delivered.sort(null);
        assertEquals(List.of("1 got hello", "2 got hello"), delivered);
    }
}
