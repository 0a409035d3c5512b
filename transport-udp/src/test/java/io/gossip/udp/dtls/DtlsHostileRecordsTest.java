package io.gossip.udp.dtls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated handshake flights (seeded) against an endpoint, in memory: whatever the engine makes of
 * them, nothing may escape {@link DtlsEndpoint#receive} or {@link DtlsEndpoint#onTimeout}, which run
 * on the event loop, and the session table stays within its limit.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DtlsHostileRecordsTest {
    @TempDir
    static Path dir;
    private static KeyStore trust;
    private static List<KeyStore> nodes;

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestPki pki = TestPki.create(dir, "ca-hostile");
        trust = pki.trustStore();
        nodes = pki.nodeKeyStores("n", 2);
    }

    @Test
    void mutatedHandshakeFlightsNeverThrowOutOfTheEndpoint() throws Exception {
        List<byte[]> flights = realFlights();
        DtlsConfig config = DtlsConfig.of(nodes.get(1), TestPki.PASSWORD, trust).withMaxSessions(16);
        DtlsEndpoint target = new DtlsEndpoint(config, address(7000), 1_400, new DtlsEndpoint.Io() {
            @Override
            public void transmit(InetSocketAddress to, ByteBuffer datagram) {
            }

            @Override
            public void deliver(InetSocketAddress from, ByteBuffer plaintext) {
            }

            @Override
            public void wakeAt(long deadlineMicros) {
            }
        });
        SplittableRandom random = new SplittableRandom(20_261_126);
        long now = 1_000_000;
        for (int i = 0; i < 3_000; i++) {
            byte[] datagram = flights.get(random.nextInt(flights.size())).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(datagram.length);
                datagram[at] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                datagram = java.util.Arrays.copyOf(datagram, random.nextInt(datagram.length + 1));
            }
            InetSocketAddress from = address(5000 + random.nextInt(40)); // below 7000: the target is the server
            target.receive(now, from, ByteBuffer.wrap(datagram));
            now += 5_000;
            target.onTimeout(now);
            assertTrue(target.sessionCount() <= 16);
        }
    }

    private static InetSocketAddress address(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** The flights of one real handshake between two engines: ClientHello, HelloVerifyRequest, ... */
    private static List<byte[]> realFlights() throws Exception {
        SSLEngine client = DtlsConfig.of(nodes.get(0), TestPki.PASSWORD, trust).newEngine(true);
        SSLEngine server = DtlsConfig.of(nodes.get(1), TestPki.PASSWORD, trust).newEngine(false);
        client.beginHandshake();
        server.beginHandshake();
        List<byte[]> flights = new ArrayList<>();
        SSLEngine from = client;
        SSLEngine to = server;
        for (int round = 0; round < 8; round++) {
            byte[] flight = EngineFlights.wrapFlight(from, 65_536);
            if (flight.length > 0) {
                flights.add(flight);
                ByteBuffer in = ByteBuffer.wrap(flight);
                ByteBuffer app = ByteBuffer.allocate(65_536);
                while (in.hasRemaining()) {
                    if (to.unwrap(in, app).bytesConsumed() == 0) {
                        break;
                    }
                    EngineFlights.runTasks(to);
                }
            }
            SSLEngine swap = from;
            from = to;
            to = swap;
        }
        return flights;
    }
}
