package io.gossip.udp.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An established session against a hostile network (ClientHellos and connect requests that claim
 * its peer's address, replayed records), in memory on a hand-driven clock.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DtlsSpoofedHelloTest {
    private static final long STEP_MICROS = 10_000;

    @TempDir
    static Path dir;
    private static KeyStore trust;
    private static List<KeyStore> nodes;

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestPki pki = TestPki.create(dir, "ca-spoof");
        trust = pki.trustStore();
        nodes = pki.nodeKeyStores("n", 3);
    }

    private record Datagram(InetSocketAddress from, InetSocketAddress to, byte[] bytes) {
    }

    /** Endpoints joined by a lossless in-memory network; every datagram arrives at the next step. */
    private static final class Net {
        final Map<InetSocketAddress, DtlsEndpoint> endpoints = new LinkedHashMap<>();
        final Map<InetSocketAddress, List<String>> delivered = new LinkedHashMap<>();
        final ArrayDeque<Datagram> inFlight = new ArrayDeque<>();
        long now = 1_000_000;

        DtlsEndpoint add(int port, KeyStore keys) {
            InetSocketAddress self = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            List<String> texts = new ArrayList<>();
            delivered.put(self, texts);
            DtlsEndpoint endpoint = new DtlsEndpoint(DtlsConfig.of(keys, TestPki.PASSWORD, trust), self, 1_400,
                    new DtlsEndpoint.Io() {
                        @Override
                        public void transmit(InetSocketAddress to, ByteBuffer datagram) {
                            byte[] bytes = new byte[datagram.remaining()];
                            datagram.get(bytes);
                            inFlight.add(new Datagram(self, to, bytes));
                        }

                        @Override
                        public void deliver(InetSocketAddress from, ByteBuffer plaintext) {
                            byte[] bytes = new byte[plaintext.remaining()];
                            plaintext.get(bytes);
                            texts.add(new String(bytes, StandardCharsets.UTF_8));
                        }

                        @Override
                        public void wakeAt(long deadlineMicros) {
                        }
                    });
            endpoints.put(self, endpoint);
            return endpoint;
        }

        void step() {
            for (int n = inFlight.size(); n > 0; n--) {
                Datagram d = inFlight.poll();
                DtlsEndpoint to = endpoints.get(d.to());
                if (to != null) {
                    to.receive(now, d.from(), ByteBuffer.wrap(d.bytes()));
                }
            }
            for (DtlsEndpoint e : endpoints.values()) {
                e.onTimeout(now);
            }
            now += STEP_MICROS;
        }

        void run(long micros) {
            for (long end = now + micros; now < end; ) {
                step();
            }
        }

        void send(InetSocketAddress from, InetSocketAddress to, String text) {
            endpoints.get(from).send(now, to, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static InetSocketAddress address(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Two endpoints, 7000 (the DTLS client) and 7001, with an established session, 2 s old. */
    private static Net establishedPair() {
        Net net = new Net();
        net.add(7000, nodes.get(0));
        net.add(7001, nodes.get(1));
        net.send(address(7000), address(7001), "before");
        net.run(2_000_000); // established, and past the one-re-handshake-a-second limit
        assertEquals(List.of("before"), net.delivered.get(address(7001)));
        return net;
    }

    /** Micros until {@code text} sent now from {@code from} is delivered at {@code to}, or -1 within 15 s. */
    private static long deliveryMicros(Net net, InetSocketAddress from, InetSocketAddress to, String text) {
        long sentAt = net.now;
        net.send(from, to, text);
        for (long end = net.now + 15_000_000; net.now < end; ) {
            net.step();
            if (net.delivered.get(to).contains(text)) {
                return net.now - sentAt;
            }
        }
        return -1;
    }

    private static void assertBothWaysAtOnce(Net net, String text) {
        InetSocketAddress client = address(7000);
        InetSocketAddress server = address(7001);
        long there = deliveryMicros(net, client, server, text);
        long back = deliveryMicros(net, server, client, text);
        String stats = net.endpoints.get(client).stats() + " / " + net.endpoints.get(server).stats();
        assertTrue(there >= 0 && there <= STEP_MICROS, text + " to the server after " + there + " µs; " + stats);
        assertTrue(back >= 0 && back <= STEP_MICROS, text + " to the client after " + back + " µs; " + stats);
    }

    @Test
    void aClientHelloSpoofedFromAnEstablishedPeersAddressDoesNotCutThatPeerOff() throws Exception {
        Net net = establishedPair();
        SSLEngine stranger = DtlsConfig.of(nodes.get(2), TestPki.PASSWORD, trust).newEngine(true);
        stranger.beginHandshake();
        byte[] hello = EngineFlights.wrapFlight(stranger);
        net.endpoints.get(address(7001)).receive(net.now, address(7000), ByteBuffer.wrap(hello));
        assertBothWaysAtOnce(net, "right after the forged hello");
        net.run(15_000_000); // the forged hello's handshake times out
        assertBothWaysAtOnce(net, "once it has timed out");
        assertEquals(0, net.endpoints.get(address(7000)).stats().get(DtlsCounter.HANDSHAKES_FAILED));
    }

    @Test
    void forgedClientHellosStartOneCandidateHandshakeASecond() throws Exception {
        Net net = establishedPair();
        DtlsEndpoint server = net.endpoints.get(address(7001));
        for (int i = 0; i < 5; i++) { // five strangers' hellos, each with its own random, within 0.5 s
            SSLEngine stranger = DtlsConfig.of(nodes.get(2), TestPki.PASSWORD, trust).newEngine(true);
            stranger.beginHandshake();
            server.receive(net.now, address(7000), ByteBuffer.wrap(EngineFlights.wrapFlight(stranger)));
            net.run(100_000);
        }
        assertEquals(4, server.stats().get(DtlsCounter.REJECTED_REHANDSHAKE_TOO_SOON), server.stats().toString());
        assertBothWaysAtOnce(net, "after the forged hellos");
    }

    @Test
    void aConnectRequestSpoofedFromAnEstablishedPeersAddressLeavesTheSessionWorking() {
        Net net = establishedPair();
        net.endpoints.get(address(7000)).receive(net.now, address(7001), DtlsRecords.connectRequest());
        assertBothWaysAtOnce(net, "right after the forged request");
        net.run(15_000_000);
        assertBothWaysAtOnce(net, "later");
    }

    /**
     * Sends a datagram from 7000 to 7001 each step for 1 s, across whatever handshake is under way,
     * running {@code afterStep} after each step, then lets the last ones arrive; returns every text
     * 7001 should have been handed by then, "before" (of {@link #establishedPair}) first.
     */
    private static List<String> stream(Net net, Runnable afterStep) {
        List<String> expected = new ArrayList<>(List.of("before"));
        for (int i = 0; i < 100; i++) {
            String text = "stream " + i;
            expected.add(text);
            net.send(address(7000), address(7001), text);
            net.step();
            afterStep.run();
        }
        net.run(100_000);
        return expected;
    }

    @Test
    void aSteadyStreamLosesNothingAcrossTheKeySwitchOfAForgedConnectRequest() {
        Net net = establishedPair();
        InetSocketAddress client = address(7000);
        InetSocketAddress server = address(7001);
        net.endpoints.get(client).receive(net.now, server, DtlsRecords.connectRequest());
        List<String> expected = stream(net, () -> { });
        DtlsStats serverStats = net.endpoints.get(server).stats();
        String stats = net.endpoints.get(client).stats() + " / " + serverStats;
        assertEquals(2, serverStats.get(DtlsCounter.HANDSHAKES_COMPLETED), "the pair switched keys; " + stats);
        assertEquals(expected, net.delivered.get(server), stats);
        assertEquals(0, serverStats.get(DtlsCounter.REJECTED_BAD_RECORD), stats);
        net.run(15_000_000); // the replaced session's grace ends
        assertEquals(1, net.endpoints.get(server).sessionCount());
        assertBothWaysAtOnce(net, "after the grace");
    }

    @Test
    void aSteadyStreamLosesNothingWhenTheFinalFlightOfTheForgedRequestsHandshakeIsLost() {
        Net net = establishedPair();
        InetSocketAddress client = address(7000);
        InetSocketAddress server = address(7001);
        DtlsEndpoint serverEndpoint = net.endpoints.get(server);
        net.endpoints.get(client).receive(net.now, server, DtlsRecords.connectRequest());
        boolean[] dropped = {false};
        // The client switches only once the server's final flight, dropped here, is resent (200 ms).
        List<String> expected = stream(net, () -> {
            if (!dropped[0] && serverEndpoint.stats().get(DtlsCounter.HANDSHAKES_COMPLETED) == 2) {
                dropped[0] = net.inFlight.removeIf(d -> d.from().equals(server));
            }
        });
        String stats = net.endpoints.get(client).stats() + " / " + serverEndpoint.stats();
        assertTrue(dropped[0], stats);
        assertEquals(1, serverEndpoint.stats().get(DtlsCounter.HANDSHAKE_RETRANSMISSIONS), stats);
        assertEquals(expected, net.delivered.get(server), stats);
        assertEquals(0, serverEndpoint.stats().get(DtlsCounter.REJECTED_BAD_RECORD), stats);
        assertBothWaysAtOnce(net, "after the switch");
    }

    @Test
    void aCapturedApplicationRecordReplayedIsDeliveredOnlyOnce() {
        Net net = establishedPair();
        net.send(address(7000), address(7001), "once");
        Datagram captured = net.inFlight.peek();
        net.step();
        for (int i = 0; i < 3; i++) {
            net.endpoints.get(address(7001)).receive(net.now, captured.from(), ByteBuffer.wrap(captured.bytes()));
            net.step();
        }
        assertEquals(List.of("before", "once"), net.delivered.get(address(7001)));
        assertEquals(3, net.endpoints.get(address(7001)).stats().get(DtlsCounter.REJECTED_BAD_RECORD));
        assertBothWaysAtOnce(net, "and the session is unharmed");
    }

    @Test
    void aPeerThatLostItsSessionIsTakenBackByANewHandshake() {
        Net net = establishedPair();
        net.endpoints.get(address(7000)).evict(address(7001)); // as after a restart, without telling
        net.inFlight.clear(); // the close_notify is lost
        assertTrue(deliveryMicros(net, address(7000), address(7001), "after") >= 0);
        assertBothWaysAtOnce(net, "then");
        assertEquals(1, net.endpoints.get(address(7001)).stats().get(DtlsCounter.CLOSED_BY_PEER));
    }
}
