package io.gossip.examples.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedClusterTest {
    @Test
    void theMainRunsToCompletionWithinItsTimeBound() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> EmbeddedCluster.main(new String[] {"11"}));
        } finally {
            System.setOut(original);
        }
        assertTrue(buffer.toString(StandardCharsets.UTF_8).contains("every node delivered the broadcast"));
    }

    @Test
    void theExampleDeliversTheBroadcastToTheFourOtherNodesAndCloses() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int delivered = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> EmbeddedCluster.run(7, out, Duration.ofSeconds(20)));
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(4, delivered, printed);
        assertEquals(4, printed.lines().filter(l -> l.contains("delivered") && l.endsWith("hello, group")).count(),
                printed);
        assertTrue(printed.contains("every node delivered the broadcast"), printed);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("gossip-udp-loop-") && t.getName().endsWith("example")
                        && t.isAlive()),
                "the example's loop thread stopped");
    }
}
