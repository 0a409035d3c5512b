package io.gossip.udp.wire;

import io.gossip.protocol.Counters;
import io.gossip.protocol.Environment;
import io.gossip.protocol.IdTable;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.ScampNode;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;
import io.gossip.udp.PeerAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever the decoder accepts, the protocol core can handle: sequences of valid and mutated
 * datagrams, decoded as a live node decodes them, are handed to a member's {@link ScampNode}, which
 * must never throw. The in-process counterpart of {@code sim fuzz}: a message valid on the wire but
 * refused by the core (a hop count the core cannot increment, say) fails here in milliseconds.
 */
class DecodedMessagesReachTheCoreSafelyTest {
    private static final PeerAddress SELF = PeerAddress.parse("10.0.0.1:7000");
    private static final long STEP_MICROS = 50_000;

    @Property(tries = 150, seed = "6301")
    void theCoreNeverThrowsOnADecodedMessage(@ForAll("datagrams") List<byte[]> datagrams) {
        WireCodec codec = WireArbitraries.DEFAULT_CODEC;
        IdTable<PeerAddress> ids = new IdTable<>();
        int self = ids.intern(SELF);
        Environment quiet = new Environment() {
            @Override
            public void send(int from, int to, Message message) {
            }

            @Override
            public void deliver(int node, Gossip message) {
            }

            @Override
            public void wakeAt(int node, long deadlineMicros) {
            }
        };
        ScampNode node = new ScampNode(self, ProtocolConfig.defaults(), quiet, new SplittableRandom(1), new Counters());
        long now = 0;
        node.bootstrap(now);
        for (byte[] datagram : datagrams) {
            Decoded decoded;
            try {
                decoded = codec.decode(ByteBuffer.wrap(datagram), ids);
            } catch (DecodeException rejected) {
                continue;
            }
            now += STEP_MICROS;
            try {
                node.onMessage(now, decoded.senderId(), decoded.message());
                node.onTimeout(now);
            } catch (RuntimeException e) {
                throw new AssertionError("the core threw on " + decoded.message() + " from " + decoded.sender()
                        + ": " + e, e);
            }
        }
    }

    @Provide
    Arbitrary<List<byte[]>> datagrams() {
        int maxPayload = WireArbitraries.DEFAULT_CODEC.maxPayloadBytes();
        Arbitrary<byte[]> valid = WireArbitraries.samples(maxPayload).map(s -> s.encode(WireArbitraries.DEFAULT_CODEC));
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Mutation.some(2)).as(Mutation::applyAll);
        return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, mutated))
                .list().ofMinSize(1).ofMaxSize(20);
    }
}
