package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's UDP example ("The UDP transport"), kept compiling and working. The same calls in the
 * same order; only the addresses differ: the node binds an ephemeral loopback port instead of
 * 127.0.0.1:7000 (a fixed port may be taken on a shared machine), and its contact, bootstrapped here,
 * stands for 127.0.0.1:7001.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadmeUdpExampleTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void theReadmeExampleJoinsBroadcastsAndLeaves() throws Exception {
        CompletableFuture<String> atContact = new CompletableFuture<>();
        try (GossipNode contact = GossipNode.builder().bindEphemeral(LOOPBACK).insecure()
                .onDeliver((id, hops, payload) -> atContact.complete(new String(payload, StandardCharsets.UTF_8)))
                .start()) {
            contact.bootstrap();
            // --- README example start (addresses aside)
            GossipNode node = GossipNode.builder()
                    .bindEphemeral(LOOPBACK)                  // README: .bind(PeerAddress.parse("127.0.0.1:7000"))
                    .protocol(ProtocolConfig.defaults())
                    .onDeliver((id, hops, payload) -> System.out.println(id + " after " + hops + " hops"))
                    .start();
            node.join(contact.address())                      // README: PeerAddress.parse("127.0.0.1:7001")
                    .get();
            node.reachable().get(5, TimeUnit.SECONDS);
            node.broadcast("hello".getBytes(StandardCharsets.UTF_8));
            boolean left = node.leave(Duration.ofSeconds(2));
            node.close();
            // --- README example end
            assertEquals("hello", atContact.get(10, TimeUnit.SECONDS));
            assertTrue(left, "the contact acknowledged the goodbye");
            assertTrue(node.isClosed());
        }
    }
}
