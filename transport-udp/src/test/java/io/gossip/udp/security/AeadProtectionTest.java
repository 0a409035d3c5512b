package io.gossip.udp.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gossip.udp.TransportDropReason;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sealing and opening without sockets, on a hand-driven wall clock. */
class AeadProtectionTest {
    private static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 9001);
    private static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 9002);
    private static final InetSocketAddress CAROL = new InetSocketAddress("127.0.0.1", 9003);
    private static final byte[] MESSAGE = {0x47, 1, 8, 4, 127, 0, 0, 1, 0x23, 0x29};

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    private AeadProtection node(InetSocketAddress self, Keyring ring, String label) {
        return new AeadProtection(ring, label, 30_000, 1_400, self, AeadProtection.newSecureRandom(), clock::get);
    }

    private static ByteBuffer seal(AeadProtection from, InetSocketAddress to) throws ProtectionException {
        return from.seal(ByteBuffer.wrap(MESSAGE), to);
    }

    private static byte[] open(AeadProtection at, ByteBuffer sealed) throws ProtectionException {
        ByteBuffer opened = at.open(sealed.duplicate(), ALICE);
        byte[] out = new byte[opened.remaining()];
        opened.get(out);
        return out;
    }

    private static TransportDropReason refusal(AeadProtection at, ByteBuffer sealed) {
        return assertThrows(ProtectionException.class, () -> at.open(sealed.duplicate(), ALICE)).reason();
    }

    @Test
    void opensWhatItsPeerSealedAndAddsExactlyTheDocumentedOverhead() throws Exception {
        Keyring ring = Keyring.of(TestKeys.key(1));
        ByteBuffer sealed = seal(node(ALICE, ring, null), BOB);
        assertEquals(MESSAGE.length + SealedFormat.OVERHEAD_BYTES, sealed.remaining());
        assertEquals(SealedFormat.VERSION, sealed.get(0));
        assertEquals(TestKeys.key(1).id(), sealed.getInt(SealedFormat.KEY_ID_OFFSET));
        assertArrayEquals(MESSAGE, open(node(BOB, ring, null), sealed));
    }

    @Test
    void everyFlippedBitAnywhereInASealedDatagramIsRefusedAndNothingElseEscapes() throws Exception {
        Keyring ring = Keyring.of(TestKeys.key(1));
        ByteBuffer sealed = seal(node(ALICE, ring, null), BOB);
        for (int bit = 0; bit < sealed.remaining() * 8; bit++) {
            ByteBuffer copy = ByteBuffer.wrap(sealed.array().clone());
            copy.put(bit / 8, (byte) (copy.get(bit / 8) ^ (1 << (bit % 8))));
            TransportDropReason reason = refusal(node(BOB, ring, null), copy);
            TransportDropReason expected = bit < 8 ? TransportDropReason.SEAL_MALFORMED
                    : bit < 8 * SealedFormat.NONCE_OFFSET ? TransportDropReason.UNKNOWN_KEY
                    : TransportDropReason.AUTHENTICATION_FAILED;
            assertEquals(expected, reason, "bit " + bit);
        }
    }

    @Test
    void refusesAForeignKeyAnotherLabelAnotherDestinationPlaintextAndTruncation() throws Exception {
        Keyring ring = Keyring.of(TestKeys.key(1));
        ByteBuffer sealed = seal(node(ALICE, ring, "blue"), BOB);
        assertEquals(TransportDropReason.UNKNOWN_KEY, refusal(node(BOB, Keyring.of(TestKeys.key(2)), "blue"), sealed));
        assertEquals(TransportDropReason.AUTHENTICATION_FAILED, refusal(node(BOB, ring, "green"), sealed));
        assertEquals(TransportDropReason.AUTHENTICATION_FAILED, refusal(node(BOB, ring, null), sealed));
        assertEquals(TransportDropReason.AUTHENTICATION_FAILED, refusal(node(CAROL, ring, "blue"), sealed),
                "a datagram sealed for Bob does not open at Carol");
        assertEquals(TransportDropReason.NOT_SEALED, refusal(node(BOB, ring, "blue"), ByteBuffer.wrap(MESSAGE)));
        ByteBuffer truncated = ByteBuffer.wrap(Arrays.copyOf(sealed.array(), SealedFormat.OVERHEAD_BYTES - 1));
        assertEquals(TransportDropReason.SEAL_MALFORMED, refusal(node(BOB, ring, "blue"), truncated));
        assertEquals(TransportDropReason.SEAL_MALFORMED, refusal(node(BOB, ring, "blue"), ByteBuffer.allocate(0)));
        ByteBuffer oversized = ByteBuffer.allocate(1_401).put(0, SealedFormat.VERSION);
        assertEquals(TransportDropReason.SEAL_MALFORMED, refusal(node(BOB, ring, "blue"), oversized));
    }

    @Test
    void aReplayedDatagramIsRefusedAndAnOldOneIsStale() throws Exception {
        Keyring ring = Keyring.of(TestKeys.key(1));
        AeadProtection alice = node(ALICE, ring, null);
        AeadProtection bob = node(BOB, ring, null);
        ByteBuffer first = seal(alice, BOB);
        ByteBuffer second = seal(alice, BOB);
        assertArrayEquals(MESSAGE, open(bob, second));
        assertArrayEquals(MESSAGE, open(bob, first));
        assertEquals(TransportDropReason.REPLAYED, refusal(bob, first));
        assertEquals(TransportDropReason.REPLAYED, refusal(bob, second));
        ByteBuffer third = seal(alice, BOB);
        clock.addAndGet(30_001);
        assertEquals(TransportDropReason.STALE, refusal(bob, third));
    }

    @Test
    void aRestartedNodeRefusesDatagramsCapturedBeforeItStarted() throws Exception {
        Keyring ring = Keyring.of(TestKeys.key(1));
        AeadProtection alice = node(ALICE, ring, null);
        AeadProtection bob = node(BOB, ring, null);
        ByteBuffer captured = seal(alice, BOB);
        assertArrayEquals(MESSAGE, open(bob, captured));
        clock.addAndGet(2_000); // bob restarts with an empty replay memory, well within the skew window
        AeadProtection restarted = node(BOB, ring, null);
        assertEquals(TransportDropReason.REPLAYED, refusal(restarted, captured));
        clock.addAndGet(1);
        assertArrayEquals(MESSAGE, open(restarted, seal(alice, BOB)), "the same stream goes on after the restart");
    }

    @Test
    void opensWithEveryInstalledKeyAndSealsWithThePrimaryOnly() throws Exception {
        AeadProtection alice = node(ALICE, Keyring.of(TestKeys.key(1)), null);
        AeadProtection bob = node(BOB, Keyring.of(TestKeys.key(2), TestKeys.key(1)), null);
        assertArrayEquals(MESSAGE, open(bob, seal(alice, BOB)));
        alice.replaceKeyring(alice.keyring().withInstalled(TestKeys.key(2)).withPrimary(TestKeys.key(2).id()));
        ByteBuffer underNewKey = seal(alice, BOB);
        assertEquals(TestKeys.key(2).id(), underNewKey.getInt(SealedFormat.KEY_ID_OFFSET));
        bob.replaceKeyring(bob.keyring().without(TestKeys.key(1).id()));
        assertArrayEquals(MESSAGE, open(bob, underNewKey));
        alice.replaceKeyring(Keyring.of(TestKeys.key(1)));
        assertEquals(TransportDropReason.UNKNOWN_KEY, refusal(bob, seal(alice, BOB)));
    }

    @Test
    void noncesAreRandomAndStreamsNumberedPerDestination() throws Exception {
        AeadProtection alice = new AeadProtection(Keyring.of(TestKeys.key(1)), null, 30_000, 1_400, ALICE,
                new SecureRandom(), clock::get);
        Set<ByteBuffer> nonces = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ByteBuffer sealed = seal(alice, i % 2 == 0 ? BOB : CAROL);
            nonces.add(ByteBuffer.wrap(Arrays.copyOfRange(sealed.array(), SealedFormat.NONCE_OFFSET,
                    SealedFormat.NONCE_OFFSET + SealedFormat.NONCE_BYTES)));
            assertEquals(i / 2 + 1, sealed.getLong(SealedFormat.SEQ_OFFSET));
        }
        assertEquals(1_000, nonces.size());
        ByteBuffer toBob = seal(alice, BOB);
        ByteBuffer toCarol = seal(alice, CAROL);
        assertFalse(toBob.getLong(SealedFormat.STREAM_OFFSET) == toCarol.getLong(SealedFormat.STREAM_OFFSET));
    }
}
