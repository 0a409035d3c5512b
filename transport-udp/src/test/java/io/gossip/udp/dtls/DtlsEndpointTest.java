package io.gossip.udp.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DtlsEndpointTest {
    @TempDir
    static Path dir;
    private static KeyStore trustA;
    private static List<KeyStore> nodesA;
    private static KeyStore trustB;
    private static KeyStore strangerB;

    private final List<DtlsTestPeer> open = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestPki a = TestPki.create(dir, "ca-a");
        trustA = a.trustStore();
        nodesA = a.nodeKeyStores("a", 4);
        TestPki b = TestPki.create(dir, "ca-b");
        trustB = b.trustStore();
        strangerB = b.nodeKeyStore("b0");
    }

    @AfterEach
    void closePeers() throws Exception {
        for (DtlsTestPeer p : open) {
            p.close();
        }
    }

    private DtlsTestPeer peer(int node, double loss, long seed) throws Exception {
        return peer(DtlsConfig.of(nodesA.get(node), TestPki.PASSWORD, trustA), loss, seed);
    }

    private DtlsTestPeer peer(DtlsConfig config, double loss, long seed) throws Exception {
        DtlsTestPeer p = new DtlsTestPeer(config, loss, seed);
        open.add(p);
        return p;
    }

    /** The pair ordered so that the first is the DTLS client (lower address). */
    private static DtlsTestPeer[] clientFirst(DtlsTestPeer x, DtlsTestPeer y) {
        return DtlsRecords.compare(x.address, y.address) < 0 ? new DtlsTestPeer[] {x, y} : new DtlsTestPeer[] {y, x};
    }

    @Test
    void twoPeersHandshakeAndExchangeDatagramsInBothDirections() throws Exception {
        DtlsTestPeer[] pair = clientFirst(peer(0, 0, 1), peer(1, 0, 2));
        DtlsTestPeer client = pair[0];
        DtlsTestPeer server = pair[1];
        client.send("ping", server);
        assertTrue(DtlsTestPeer.pump(List.of(client, server), 10_000, () -> server.textsFrom(client).size() == 1));
        server.send("pong", client);
        assertTrue(DtlsTestPeer.pump(List.of(client, server), 10_000, () -> client.textsFrom(server).size() == 1));
        assertEquals(List.of("ping"), server.textsFrom(client));
        assertEquals(List.of("pong"), client.textsFrom(server));
        for (DtlsTestPeer p : pair) {
            assertEquals(1, p.count(DtlsCounter.HANDSHAKES_COMPLETED));
            assertEquals(1, p.endpoint.stats().established());
            assertEquals(1, p.count(DtlsCounter.DATAGRAMS_SEALED));
            assertEquals(1, p.count(DtlsCounter.DATAGRAMS_OPENED));
        }
    }

    @Test
    void serverRoleSenderAsksThePeerToConnectFirst() throws Exception {
        DtlsTestPeer[] pair = clientFirst(peer(0, 0, 3), peer(1, 0, 4));
        DtlsTestPeer client = pair[0];
        DtlsTestPeer server = pair[1];
        server.send("from the server", client);
        assertTrue(DtlsTestPeer.pump(List.of(client, server), 10_000, () -> client.textsFrom(server).size() == 1));
        assertEquals(1, server.count(DtlsCounter.CONNECT_REQUESTS_SENT));
        assertEquals(1, server.count(DtlsCounter.HANDSHAKES_COMPLETED));
    }

    @Test
    void simultaneousOpensEndInOneSessionWithoutDeadlock() throws Exception {
        DtlsTestPeer x = peer(0, 0, 5);
        DtlsTestPeer y = peer(1, 0, 6);
        x.send("x1", y);
        y.send("y1", x);
        assertTrue(DtlsTestPeer.pump(List.of(x, y), 10_000,
                () -> x.textsFrom(y).size() == 1 && y.textsFrom(x).size() == 1));
        assertEquals(1, x.count(DtlsCounter.HANDSHAKES_COMPLETED));
        assertEquals(1, y.count(DtlsCounter.HANDSHAKES_COMPLETED));
        assertEquals(1, x.endpoint.sessionCount());
        assertEquals(1, y.endpoint.sessionCount());
    }

    @Test
    void handshakeCompletesUnderTwentyPercentLossInBothDirections() throws Exception {
        long retransmissions = 0;
        long dropped = 0;
        for (long seed = 10; seed < 20; seed++) {
            DtlsConfig a = DtlsConfig.of(nodesA.get(0), TestPki.PASSWORD, trustA)
                    .withRetransmitMillis(50, 400).withHandshakeTimeoutMillis(30_000);
            DtlsConfig b = DtlsConfig.of(nodesA.get(1), TestPki.PASSWORD, trustA)
                    .withRetransmitMillis(50, 400).withHandshakeTimeoutMillis(30_000);
            DtlsTestPeer x = peer(a, 0.20, seed);
            DtlsTestPeer y = peer(b, 0.20, seed + 1_000);
            x.send("queued during the handshake", y);
            assertTrue(DtlsTestPeer.pump(List.of(x, y), 20_000,
                    () -> x.endpoint.isEstablished(y.address) && y.endpoint.isEstablished(x.address)),
                    "seed " + seed + ": " + x.endpoint.stats() + " / " + y.endpoint.stats());
            // Application datagrams are not retransmitted (UDP semantics): check the session on a clean link.
            x.setLoss(0);
            y.setLoss(0);
            x.send("after the handshake", y);
            assertTrue(DtlsTestPeer.pump(List.of(x, y), 5_000, () -> y.textsFrom(x).contains("after the handshake")));
            retransmissions += x.count(DtlsCounter.HANDSHAKE_RETRANSMISSIONS)
                    + y.count(DtlsCounter.HANDSHAKE_RETRANSMISSIONS);
            dropped += x.dropped + y.dropped;
        }
        assertTrue(dropped > 0, "the lossy links dropped nothing");
        assertTrue(retransmissions > 0, "20% loss over ten handshakes must have needed a retransmission");
    }

    @Test
    void peerWithACertificateFromAnotherAuthorityIsRefused() throws Exception {
        DtlsTestPeer member = peer(0, 0, 20);
        DtlsTestPeer stranger = peer(DtlsConfig.of(strangerB, TestPki.PASSWORD, trustB), 0, 21);
        stranger.send("let me in", member);
        member.send("hello?", stranger);
        assertTrue(DtlsTestPeer.pump(List.of(member, stranger), 10_000,
                () -> member.count(DtlsCounter.HANDSHAKES_FAILED) > 0
                        && stranger.count(DtlsCounter.HANDSHAKES_FAILED) > 0));
        DtlsTestPeer.pump(List.of(member, stranger), 300, () -> false);
        assertTrue(member.delivered.isEmpty());
        assertTrue(stranger.delivered.isEmpty());
        assertEquals(0, member.count(DtlsCounter.HANDSHAKES_COMPLETED));
        assertEquals(0, stranger.count(DtlsCounter.HANDSHAKES_COMPLETED));
        assertFalse(member.endpoint.isEstablished(stranger.address));
    }

    @Test
    void noApplicationDataCrossesTheWireOrIsDeliveredBeforeTheHandshakeCompletes() throws Exception {
        DtlsTestPeer x = peer(0, 0, 30);
        DtlsTestPeer y = peer(1, 0, 31);
        for (int i = 0; i < 3; i++) {
            x.send("secret-" + i, y);
        }
        assertTrue(x.wire.stream().noneMatch(s -> s.bytes()[0] == 23), "nothing but handshake before it completes");
        assertTrue(DtlsTestPeer.pump(List.of(x, y), 10_000, () -> y.textsFrom(x).size() == 3));
        assertEquals(List.of("secret-0", "secret-1", "secret-2"), y.textsFrom(x));
        assertTrue(y.delivered.stream().allMatch(DtlsTestPeer.Delivered::established));
        for (DtlsTestPeer p : List.of(x, y)) {
            for (DtlsTestPeer.Sent sent : p.wire) {
                assertFalse(sent.bytes()[0] == 23 && !sent.establishedBefore(),
                        "application record sent before the session was established");
                assertFalse(new String(sent.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("secret"),
                        "plaintext on the wire");
            }
        }
    }

    /**
     * An application_data record, DTLS 1.2, epoch 1, sequence number {@code sequence}, with
     * {@code bytes} of zeros where the ciphertext goes.
     */
    private static byte[] garbageApplicationRecord(int bytes, int sequence) {
        byte[] record = new byte[13 + bytes];
        record[0] = 23;
        record[1] = (byte) 0xFE;
        record[2] = (byte) 0xFD;
        record[4] = 1;
        record[10] = (byte) sequence;
        record[12] = (byte) bytes;
        return record;
    }

    @Test
    void forgedApplicationRecordFromAnUnknownAddressIsNotDelivered() throws Exception {
        DtlsTestPeer target = peer(0, 0, 40);
        java.nio.channels.DatagramChannel forger = java.nio.channels.DatagramChannel.open()
                .bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
        byte[] forged = garbageApplicationRecord(40, 0);
        forger.send(java.nio.ByteBuffer.wrap(forged), target.address);
        byte[] plaintextGossip = {0x47, 0x01, 0x08, 0x04, 0x7f, 0x00, 0x00, 0x01, 0x23, 0x28};
        forger.send(java.nio.ByteBuffer.wrap(plaintextGossip), target.address);
        assertTrue(DtlsTestPeer.pump(List.of(target), 5_000,
                () -> target.count(DtlsCounter.REJECTED_NO_SESSION) == 1
                        && target.count(DtlsCounter.REJECTED_NOT_DTLS) == 1));
        DtlsTestPeer.pump(List.of(target), 300, () -> false);
        forger.close();
        assertTrue(target.delivered.isEmpty());
        assertEquals(0, target.count(DtlsCounter.HANDSHAKES_COMPLETED));
        assertEquals(0, target.count(DtlsCounter.DATAGRAMS_OPENED));
    }

    @Test
    void forgedRecordsClaimingAnEstablishedPeersAddressNeitherDeliverNorEndTheSession() throws Exception {
        DtlsTestPeer x = peer(0, 0, 45);
        DtlsTestPeer y = peer(1, 0, 46);
        x.send("before", y);
        assertTrue(DtlsTestPeer.pump(List.of(x, y), 10_000, () -> y.textsFrom(x).size() == 1));
        // UDP source addresses can be spoofed: hand y records that claim to come from x's address.
        // Garbage ciphertext in the current epoch, and a copy of x's last real record with one bit
        // flipped. RFC 6347 (4.1.2.7): invalid records are silently discarded, never fatal.
        byte[] garbage = garbageApplicationRecord(48, 100); // a sequence number beyond anything sent
        y.endpoint.receive(DtlsTestPeer.nowMicros(), x.address, java.nio.ByteBuffer.wrap(garbage));
        byte[] tampered = x.wire.get(x.wire.size() - 1).bytes().clone();
        assertEquals(23, tampered[0], "x's last datagram is its application record");
        tampered[10] ^= 0x40; // a fresh sequence number: not a replay
        tampered[tampered.length - 1] ^= 1; // and a broken authentication tag
        y.endpoint.receive(DtlsTestPeer.nowMicros(), x.address, java.nio.ByteBuffer.wrap(tampered));
        assertTrue(y.endpoint.isEstablished(x.address), "two forged records ended the session: " + y.endpoint.stats());
        assertEquals(2, y.count(DtlsCounter.REJECTED_BAD_RECORD), "each forged record dropped and counted");
        x.send("after", y);
        assertTrue(DtlsTestPeer.pump(List.of(x, y), 5_000, () -> y.textsFrom(x).size() == 2),
                y.endpoint.stats().toString());
        assertEquals(List.of("before", "after"), y.textsFrom(x), "nothing forged was delivered");
        assertEquals(1, y.count(DtlsCounter.HANDSHAKES_COMPLETED), "the session survived: no second handshake");
    }

    @Test
    void pendingQueueIsBoundedAndOverflowIsCounted() throws Exception {
        DtlsConfig small = DtlsConfig.of(nodesA.get(0), TestPki.PASSWORD, trustA).withPendingDatagramsPerSession(2);
        DtlsTestPeer x = peer(small, 0, 50);
        DtlsTestPeer y = peer(1, 0, 51);
        for (int i = 0; i < 5; i++) {
            x.send("m" + i, y);
        }
        assertEquals(3, x.count(DtlsCounter.PENDING_QUEUE_FULL_DROPPED));
        assertTrue(DtlsTestPeer.pump(List.of(x, y), 10_000, () -> y.textsFrom(x).size() == 2));
        DtlsTestPeer.pump(List.of(x, y), 200, () -> false);
        assertEquals(List.of("m0", "m1"), y.textsFrom(x));
    }

    @Test
    void sessionLimitEvictsTheLeastRecentlyUsedSessionAndThePeerCanComeBack() throws Exception {
        DtlsConfig limited = DtlsConfig.of(nodesA.get(0), TestPki.PASSWORD, trustA).withMaxSessions(2);
        DtlsTestPeer hub = peer(limited, 0, 60);
        List<DtlsTestPeer> others = List.of(peer(1, 0, 61), peer(2, 0, 62), peer(3, 0, 63));
        List<DtlsTestPeer> all = new ArrayList<>(others);
        all.add(hub);
        for (DtlsTestPeer other : others) {
            hub.send("to " + other.address.getPort(), other);
            assertTrue(DtlsTestPeer.pump(all, 10_000, () -> other.textsFrom(hub).size() == 1));
            assertTrue(hub.endpoint.sessionCount() <= 2);
        }
        assertEquals(1, hub.count(DtlsCounter.EVICTED_FOR_LIMIT));
        DtlsTestPeer first = others.get(0);
        // The evicted peer was told (close_notify) and dropped its half too.
        assertTrue(DtlsTestPeer.pump(all, 5_000, () -> first.endpoint.sessionCount() == 0));
        assertEquals(1, first.count(DtlsCounter.CLOSED_BY_PEER));
        first.send("back again", hub);
        assertTrue(DtlsTestPeer.pump(all, 10_000, () -> hub.textsFrom(first).size() == 1));
        assertEquals(2, hub.count(DtlsCounter.EVICTED_FOR_LIMIT));
        assertEquals(2, hub.endpoint.sessionCount());
    }

    @Test
    void retainOnlyClosesQuietSessionsOfPeersOutsideTheViewsAndEvictClosesAtOnce() throws Exception {
        DtlsConfig noGrace = DtlsConfig.of(nodesA.get(0), TestPki.PASSWORD, trustA).withNotInViewGraceMillis(0);
        DtlsTestPeer node = peer(noGrace, 0, 70);
        DtlsTestPeer kept = peer(1, 0, 71);
        DtlsTestPeer dropped = peer(2, 0, 72);
        List<DtlsTestPeer> all = List.of(node, kept, dropped);
        node.send("a", kept);
        node.send("b", dropped);
        assertTrue(DtlsTestPeer.pump(all, 10_000,
                () -> kept.textsFrom(node).size() == 1 && dropped.textsFrom(node).size() == 1));
        assertEquals(1, node.endpoint.retainOnly(java.util.Set.of(kept.address), DtlsTestPeer.nowMicros()));
        assertEquals(1, node.count(DtlsCounter.EVICTED_NOT_IN_VIEW));
        assertTrue(node.endpoint.isEstablished(kept.address));
        assertFalse(node.endpoint.isEstablished(dropped.address));
        assertTrue(node.endpoint.evict(kept.address));
        assertFalse(node.endpoint.evict(kept.address));
        assertEquals(0, node.endpoint.sessionCount());
        assertTrue(DtlsTestPeer.pump(all, 5_000,
                () -> kept.endpoint.sessionCount() == 0 && dropped.endpoint.sessionCount() == 0));
    }

    @Test
    void idleEstablishedSessionsAreClosed() throws Exception {
        DtlsConfig shortIdle = DtlsConfig.of(nodesA.get(0), TestPki.PASSWORD, trustA).withIdleTimeoutMillis(200);
        DtlsTestPeer x = peer(shortIdle, 0, 80);
        DtlsTestPeer y = peer(1, 0, 81);
        x.send("once", y);
        assertTrue(DtlsTestPeer.pump(List.of(x, y), 10_000, () -> y.textsFrom(x).size() == 1));
        assertTrue(DtlsTestPeer.pump(List.of(x, y), 5_000, () -> x.endpoint.sessionCount() == 0));
        assertEquals(1, x.count(DtlsCounter.EVICTED_IDLE));
        // x told y (close_notify), so y dropped its half as well.
        assertTrue(DtlsTestPeer.pump(List.of(x, y), 5_000, () -> y.endpoint.sessionCount() == 0));
    }

    /**
     * On virtual time: the wall clock made it depend on the test thread, which, held up 300 ms on a
     * loaded machine, met the handshake deadline before any retransmission, or sent again after the
     * backoff had run out.
     */
    @Test
    void aHandshakeWithNobodyTimesOutDropsItsQueueAndBacksOff() throws Exception {
        DtlsConfig impatient = DtlsConfig.of(nodesA.get(0), TestPki.PASSWORD, trustA)
                .withRetransmitMillis(20, 80).withHandshakeTimeoutMillis(300).withFailureBackoffMillis(300);
        DtlsTestPeer x = peer(impatient, 0, 90);
        java.nio.channels.DatagramChannel silent = java.nio.channels.DatagramChannel.open()
                .bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
        try {
            java.net.InetSocketAddress nobody = (java.net.InetSocketAddress) silent.getLocalAddress();
            long start = 1_000_000;
            for (int i = 0; i < 2; i++) {
                x.endpoint.send(start, nobody, java.nio.ByteBuffer.wrap(new byte[] {1}));
            }
            x.fireTimersUntil(start + 299_999);
            assertEquals(0, x.count(DtlsCounter.HANDSHAKE_TIMEOUTS), "given up before its 300 ms");
            assertEquals(4, x.count(DtlsCounter.HANDSHAKE_RETRANSMISSIONS), "at 20, 60, 140 and 220 ms");
            long timedOut = start + 300_000;
            x.fireTimersUntil(timedOut);
            assertEquals(1, x.count(DtlsCounter.HANDSHAKE_TIMEOUTS));
            assertEquals(2, x.count(DtlsCounter.PENDING_DISCARDED));
            x.endpoint.send(timedOut + 299_999, nobody, java.nio.ByteBuffer.wrap(new byte[] {2}));
            assertEquals(1, x.count(DtlsCounter.PEER_BACKOFF_DROPPED));
            x.fireTimersUntil(timedOut + 300_000);
            assertEquals(0, x.endpoint.sessionCount(), "the backoff over, the failed session is gone");
        } finally {
            silent.close();
        }
    }

    @Test
    void aPeerThatRestartedWithoutItsSessionIsReconnected() throws Exception {
        DtlsTestPeer x = peer(0, 0, 100);
        DtlsTestPeer y = peer(1, 0, 101);
        x.send("first", y);
        assertTrue(DtlsTestPeer.pump(List.of(x, y), 10_000, () -> y.textsFrom(x).size() == 1));
        DtlsTestPeer.pump(List.of(x, y), 1_100, () -> false); // past the one-re-handshake-a-second limit
        int port = y.address.getPort();
        y.close();
        DtlsTestPeer restarted = new DtlsTestPeer(DtlsConfig.of(nodesA.get(1), TestPki.PASSWORD, trustA), 0, 102, port);
        open.add(restarted);
        // x still holds the old session: these records cannot be opened, but they make the restarted peer
        // reconnect. It answers an address it has no proof of with at most three times what came from there,
        // so it takes two (a ClientHello is about 235 bytes; a live peer's retransmissions and heartbeats).
        x.send("sealed for the old session", restarted);
        x.send("sealed for the old session", restarted);
        assertTrue(DtlsTestPeer.pump(List.of(x, restarted), 10_000,
                () -> restarted.endpoint.isEstablished(x.address) && x.count(DtlsCounter.HANDSHAKES_COMPLETED) == 2));
        assertTrue(restarted.count(DtlsCounter.REJECTED_NO_SESSION) >= 1);
        assertEquals(1, x.count(DtlsCounter.CLOSED_BY_PEER));
        x.send("after the restart", restarted);
        assertTrue(DtlsTestPeer.pump(List.of(x, restarted), 5_000, () -> restarted.textsFrom(x).size() == 1));
        assertEquals(List.of("after the restart"), restarted.textsFrom(x));
    }
}
