package io.gossip.udp.dtls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile network against one {@link DtlsEndpoint}, without sockets: datagrams claim any source
 * address (as a spoofer's would) and the clock is driven by hand. Before a peer has shown it can
 * receive at its address, nothing it sends may make the endpoint send that address more than
 * {@value #FACTOR} times the bytes that arrived from it (the anti-amplification rule of QUIC,
 * RFC 9000 section 8), else anyone can reflect a flood off a node onto a third party.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DtlsAmplificationTest {
    private static final int FACTOR = 3;
    private static final long RUN_MICROS = 20_000_000; // past the 10 s handshake timeout and its backoff
    private static final long STEP_MICROS = 10_000;

    @TempDir
    static Path dir;
    private static KeyStore trust;
    private static List<KeyStore> nodes;

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestPki pki = TestPki.create(dir, "ca-amp");
        trust = pki.trustStore();
        nodes = pki.nodeKeyStores("n", 2);
    }

    /** An endpoint at 127.0.0.1:7000 whose output is counted per destination. */
    private static final class Target {
        final Map<InetSocketAddress, Long> bytesTo = new HashMap<>();
        final Map<InetSocketAddress, ByteBuffer> lastTo = new HashMap<>();
        final DtlsEndpoint endpoint;
        long now = 1_000_000;

        Target(DtlsConfig config) {
            endpoint = new DtlsEndpoint(config, address(7000), 1_400, new DtlsEndpoint.Io() {
                @Override
                public void transmit(InetSocketAddress to, ByteBuffer datagram) {
                    bytesTo.merge(to, (long) datagram.remaining(), Long::sum);
                    lastTo.put(to, datagram.duplicate());
                }

                @Override
                public void deliver(InetSocketAddress from, ByteBuffer plaintext) {
                }

                @Override
                public void wakeAt(long deadlineMicros) {
                }
            });
        }

        void receive(InetSocketAddress from, byte[] datagram) {
            endpoint.receive(now, from, ByteBuffer.wrap(datagram));
        }

        /** Lets {@code micros} pass, firing the endpoint's timers every 10 ms. */
        void run(long micros) {
            for (long end = now + micros; now < end; now += STEP_MICROS) {
                endpoint.onTimeout(now);
            }
        }

        long sentTo(InetSocketAddress to) {
            return bytesTo.getOrDefault(to, 0L);
        }
    }

    private static InetSocketAddress address(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private static DtlsConfig config(int node) {
        return DtlsConfig.of(nodes.get(node), TestPki.PASSWORD, trust);
    }

    /**
     * {@code datagram} arrives once at {@code target} claiming {@code victim}'s address; the target
     * then sends that address at most {@link #FACTOR} times its size, whatever it runs into later.
     */
    private static void assertAnswerBounded(Target target, InetSocketAddress victim, byte[] datagram, String what) {
        target.receive(victim, datagram);
        target.run(RUN_MICROS);
        assertTrue(target.sentTo(victim) <= (long) FACTOR * datagram.length, target.sentTo(victim)
                + " bytes sent to the claimed source of one " + datagram.length + "-byte " + what);
    }

    @Test
    void aSpoofedConnectRequestDoesNotMakeTheClientFloodItsClaimedSource() {
        Target target = new Target(config(0));
        InetSocketAddress victim = address(9000); // higher than the target: the target is the DTLS client
        byte[] request = new byte[DtlsRecords.connectRequest().remaining()];
        DtlsRecords.connectRequest().get(request);
        assertAnswerBounded(target, victim, request, "request");
    }

    @Test
    void aSpoofedRecordForNoSessionDoesNotMakeTheClientFloodItsClaimedSource() {
        Target target = new Target(config(0));
        InetSocketAddress victim = address(9001);
        byte[] record = {23, (byte) 0xFE, (byte) 0xFD, 0, 1, 0, 0, 0, 0, 0, 7, 0, 0}; // epoch 1, empty
        assertAnswerBounded(target, victim, record, "record");
    }

    @Test
    void aCookieExchangeReplayedFromSpoofedSourcesGetsNoAmplifiedAnswer() throws Exception {
        Target target = new Target(config(1));
        InetSocketAddress attacker = address(5000); // lower than the target: the target is the DTLS server
        byte[][] hellos = hellosWithCookie(target, attacker);
        long spent = hellos[0].length + hellos[1].length;
        for (int port = 5001; port <= 5010; port++) { // the same bytes, from addresses it cannot receive at
            target.receive(address(port), hellos[0]);
            target.receive(address(port), hellos[1]);
        }
        target.run(RUN_MICROS);
        for (int port = 5001; port <= 5010; port++) {
            long sent = target.sentTo(address(port));
            assertTrue(sent <= FACTOR * spent, sent + " bytes sent to " + port + " for " + spent + " bytes of hellos");
        }
    }

    @Test
    void aSpoofedClientHelloWithoutACookieGetsNoAmplifiedAnswer() throws Exception {
        Target target = new Target(config(1));
        SSLEngine client = config(0).newEngine(true);
        client.beginHandshake();
        byte[] hello = EngineFlights.wrapFlight(client);
        assertAnswerBounded(target, address(5100), hello, "hello");
    }

    @Test
    void aFloodOfSpoofedClientHellosDoesNotEvictAHandshakeThisNodeStarted() throws Exception {
        Target target = new Target(config(1).withMaxSessions(4));
        InetSocketAddress wanted = address(9500); // higher: the target is the client, its hello goes out
        target.endpoint.send(target.now, wanted, ByteBuffer.wrap(new byte[] {1, 2, 3}));
        SSLEngine client = config(0).newEngine(true);
        client.beginHandshake();
        byte[] hello = EngineFlights.wrapFlight(client);
        for (int port = 5200; port < 5300; port++) {
            target.receive(address(port), hello);
        }
        assertTrue(target.endpoint.sessionCount() <= 4);
        assertTrue(target.endpoint.stats().get(DtlsCounter.EVICTED_FOR_LIMIT) > 0);
        target.run(150_000);
        assertTrue(target.sentTo(wanted) > 0 && target.endpoint.stats().get(DtlsCounter.PENDING_DISCARDED) == 0,
                "the handshake this node started was evicted by forged ones: " + target.endpoint.stats());
        int before = target.bytesTo.get(wanted).intValue();
        target.run(1_000_000);
        assertTrue(target.sentTo(wanted) > before, "it is still retransmitted");
    }

    /**
     * What anyone can do from an address of its own: send a ClientHello, take the cookie from the
     * HelloVerifyRequest, and keep both hellos. The JDK's cookie is a hash of the hello and a
     * secret of the server's, not of the client's address, so the pair passes from any address.
     */
    private static byte[][] hellosWithCookie(Target target, InetSocketAddress attacker) throws Exception {
        SSLEngine client = config(0).newEngine(true);
        client.beginHandshake();
        byte[] first = EngineFlights.wrapFlight(client);
        target.receive(attacker, first);
        ByteBuffer verify = target.lastTo.get(attacker);
        ByteBuffer app = ByteBuffer.allocate(client.getSession().getApplicationBufferSize());
        client.unwrap(verify, app);
        EngineFlights.runTasks(client);
        return new byte[][] {first, EngineFlights.wrapFlight(client)};
    }
}
