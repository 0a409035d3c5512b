package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link GossipNodeBuilder#advertise(InetAddress)}: an IP advertised with the port the socket binds,
 * so a node bound to the wildcard address needs no fixed port. On loopback, every wait bounded.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AdvertiseIpTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal); // numeric literals only: no lookup
    }

    @Test
    void aWildcardNodeOnAnEphemeralPortAdvertisesTheIpWithItsBoundPortAndIsJoinedThroughIt() throws Exception {
        CompletableFuture<String> atWildcard = new CompletableFuture<>();
        CompletableFuture<String> atJoiner = new CompletableFuture<>();
        try (GossipNode wildcard = GossipNode.builder().bindEphemeral(ip("0.0.0.0")).advertise(LOOPBACK).seed(1)
                     .insecure().onDeliver((id, hops, payload) -> atWildcard.complete(text(id, payload))).start();
             GossipNode joiner = GossipNode.builder().bindEphemeral(LOOPBACK).seed(2).insecure()
                     .onDeliver((id, hops, payload) -> atJoiner.complete(text(id, payload))).start()) {
            PeerAddress bound = wildcard.boundAddress();
            assertTrue(bound.isWildcard() && bound.port() > 0, "the wildcard with the port the OS picked: " + bound);
            assertEquals(PeerAddress.of(LOOPBACK, bound.port()), wildcard.address());

            wildcard.bootstrap();
            joiner.join(wildcard.address()).get(20, TimeUnit.SECONDS);
            joiner.reachable().get(20, TimeUnit.SECONDS);
            wildcard.reachable().get(20, TimeUnit.SECONDS);
            joiner.broadcast("to the wildcard node".getBytes(StandardCharsets.UTF_8));
            assertEquals(joiner.address() + " to the wildcard node", atWildcard.get(20, TimeUnit.SECONDS));
            wildcard.broadcast("from the wildcard node".getBytes(StandardCharsets.UTF_8));
            assertEquals(wildcard.address() + " from the wildcard node", atJoiner.get(20, TimeUnit.SECONDS));
        }
    }

    private static String text(MessageId id, byte[] payload) {
        return id.origin() + " " + new String(payload, StandardCharsets.UTF_8);
    }

    @Test
    void theLastAdvertiseCallDecides() throws Exception {
        try (GossipNode node = GossipNode.builder().bindEphemeral(ip("0.0.0.0"))
                .advertise(PeerAddress.parse("127.0.0.1:7999")).advertise(LOOPBACK).insecure().start()) {
            assertEquals(PeerAddress.of(LOOPBACK, node.boundAddress().port()), node.address());
        }
        try (GossipNode node = GossipNode.builder().bindEphemeral(ip("0.0.0.0"))
                .advertise(LOOPBACK).advertise(PeerAddress.parse("127.0.0.1:7999")).insecure().start()) {
            assertEquals(PeerAddress.parse("127.0.0.1:7999"), node.address());
        }
    }

    @Test
    void aNodeBoundToASpecificAddressMayAdvertiseAnotherWithTheSamePort() throws Exception {
        try (GossipNode node = GossipNode.builder().bindEphemeral(LOOPBACK).advertise(ip("127.0.0.2"))
                .insecure().start()) {
            assertEquals(PeerAddress.of(ip("127.0.0.2"), node.boundAddress().port()), node.address());
            assertEquals(PeerAddress.of(LOOPBACK, node.boundAddress().port()), node.boundAddress());
        }
    }

    @Test
    void anAddressNoPeerCanHaveIsRefusedAtOnce() throws Exception {
        GossipNodeBuilder builder = GossipNode.builder().bindEphemeral(ip("0.0.0.0"));
        assertEquals("cannot advertise the wildcard address 0.0.0.0: give an address peers can reach",
                assertThrows(IllegalArgumentException.class, () -> builder.advertise(ip("0.0.0.0"))).getMessage());
        assertEquals("cannot advertise the wildcard address [::]: give an address peers can reach",
                assertThrows(IllegalArgumentException.class, () -> builder.advertise(ip("::"))).getMessage());
        assertEquals("a peer address cannot be multicast: 224.0.0.1",
                assertThrows(IllegalArgumentException.class, () -> builder.advertise(ip("224.0.0.1"))).getMessage());
        assertThrows(NullPointerException.class, () -> builder.advertise((InetAddress) null));
    }

    /** Refused before any socket opens, so these run where IPv6 is missing too. */
    @Test
    void anAddressOfAFamilyTheSocketCannotReceiveIsRefusedAtStart() throws Exception {
        IllegalArgumentException v6FromV4 = assertThrows(IllegalArgumentException.class,
                () -> GossipNode.builder().bindEphemeral(ip("0.0.0.0")).advertise(ip("::1")).insecure().start());
        assertEquals("cannot advertise the IPv6 address [::1]: the socket is bound to an IPv4 address (0.0.0.0), "
                + "which IPv6 datagrams cannot reach; bind it to an IPv6 address, or to [::], which receives both",
                v6FromV4.getMessage());
        IllegalArgumentException v4FromV6 = assertThrows(IllegalArgumentException.class,
                () -> GossipNode.builder().bindEphemeral(ip("::1")).advertise(LOOPBACK).insecure().start());
        assertEquals("cannot advertise the IPv4 address 127.0.0.1: the socket is bound to a specific IPv6 address "
                + "([::1]), which IPv4 datagrams cannot reach; bind it to an IPv4 address, or to [::], which "
                + "receives both", v4FromV6.getMessage());
    }
}
