package io.gossip.sim.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.IdTable;
import io.gossip.protocol.message.MessageType;
import io.gossip.udp.PeerAddress;
import io.gossip.udp.wire.DecodeException;
import io.gossip.udp.wire.RejectReason;
import io.gossip.udp.wire.WireCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DatagramMutatorTest {
    private static final WireCodec CODEC = new WireCodec(1_400, 1_024);
    private static final PeerAddress SELF = PeerAddress.parse("127.0.0.1:9999");
    private static final List<PeerAddress> NAMED = List.of(PeerAddress.parse("127.0.0.1:9001"),
            PeerAddress.parse("127.0.0.1:9002"));

    private static FuzzCorpus corpus(long seed) {
        return FuzzCorpus.build(CODEC, SELF, NAMED, new SplittableRandom(seed));
    }

    @Test
    void theCorpusHoldsValidMessagesOfEveryTypeFromTheFuzzersAddressAndOneGossipTooLong() {
        FuzzCorpus corpus = corpus(1);
        Set<MessageType> types = EnumSet.noneOf(MessageType.class);
        int tooLong = 0;
        for (int i = 0; i < corpus.size(); i++) {
            try {
                var decoded = CODEC.decode(ByteBuffer.wrap(corpus.datagram(i)), new IdTable<>());
                assertEquals(SELF, decoded.sender());
                types.add(decoded.message().type());
            } catch (DecodeException e) {
                assertEquals(RejectReason.PAYLOAD_TOO_LONG, e.reason());
                tooLong++;
            }
        }
        assertEquals(EnumSet.allOf(MessageType.class), types);
        assertEquals(1, tooLong, "one gossip from a peer with a larger payload limit");
        assertEquals(MessageType.values().length * FuzzCorpus.PER_TYPE + 1, corpus.size());
    }

    @Test
    void theSameSeedMakesTheSameDatagrams() {
        DatagramMutator a = new DatagramMutator(corpus(3), new SplittableRandom(4), 1_400);
        DatagramMutator b = new DatagramMutator(corpus(3), new SplittableRandom(4), 1_400);
        for (int i = 0; i < 2_000; i++) {
            DatagramMutator.Kind kind = a.nextKind();
            assertEquals(kind, b.nextKind());
            assertArrayEquals(a.next(kind), b.next(kind));
        }
    }

    @Test
    void makesEveryKindAndMostlyBrokenDatagramsThatReachEveryRejectReason() {
        DatagramMutator mutator = new DatagramMutator(corpus(5), new SplittableRandom(6), 1_400);
        Set<DatagramMutator.Kind> kinds = EnumSet.noneOf(DatagramMutator.Kind.class);
        Set<RejectReason> reasons = EnumSet.noneOf(RejectReason.class);
        int valid = 0;
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            DatagramMutator.Kind kind = mutator.nextKind();
            kinds.add(kind);
            byte[] datagram = mutator.next(kind);
            assertTrue(datagram.length <= 1_400 + 64, "at most a little over the limit");
            try {
                CODEC.decode(ByteBuffer.wrap(datagram), new IdTable<>());
                valid++;
            } catch (DecodeException e) {
                reasons.add(e.reason());
            }
        }
        assertEquals(EnumSet.allOf(DatagramMutator.Kind.class), kinds);
        assertEquals(EnumSet.allOf(RejectReason.class), reasons);
        assertTrue(valid > 0 && valid < n / 4, "some but few stay valid: " + valid);
    }

    @Test
    void aTruncatedDatagramIsAProperPrefixOfACorpusMessage() {
        FuzzCorpus corpus = corpus(7);
        DatagramMutator mutator = new DatagramMutator(corpus, new SplittableRandom(8), 1_400);
        for (int i = 0; i < 200; i++) {
            byte[] cut = mutator.next(DatagramMutator.Kind.TRUNCATED);
            boolean prefix = false;
            for (int j = 0; j < corpus.size() && !prefix; j++) {
                byte[] whole = corpus.datagram(j);
                prefix = cut.length < whole.length && Arrays.equals(cut, Arrays.copyOf(whole, cut.length));
            }
            assertTrue(prefix, "a proper prefix of a corpus message: " + cut.length + " bytes");
        }
    }
}
