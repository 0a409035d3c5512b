package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's wiring example, kept compiling, working and word for word the README's text. */
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

    // Hands queued messages to their nodes until none is left (all at time `now`).
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

    /**
     * The README shows the code between the markers above, after its imports: a README edited
     * without this test (or this test without the README) showed code that no test ran.
     */
    @Test
    void readmeShowsThisCodeWordForWord() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int intro = readme.indexOf("Wiring three nodes to a toy environment");
        assertTrue(intro >= 0, "README.md introduces the example");
        int open = readme.indexOf("```java\n", intro) + "```java\n".length();
        String block = readme.substring(open, readme.indexOf("```\n", open));
        String shown = block.substring(block.indexOf("\n\n") + 2); // after the imports
        String source = Files.readString(Path.of("src", "test", "java", "io", "gossip", "protocol",
                "ReadmeExampleTest.java"), StandardCharsets.UTF_8);
        String startMarker = "    // --- README example start\n";
        String marked = source.substring(source.indexOf(startMarker) + startMarker.length(),
                source.indexOf("    // --- README example end"));
        String unindented = marked.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(unindented, shown);
    }
}
