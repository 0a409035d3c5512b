package io.gossip.udp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.protocol.IdTable;
import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.Adopt;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Remove;
import io.gossip.protocol.message.Replace;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;
import io.gossip.protocol.message.Walk;
import io.gossip.udp.PeerAddress;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Every message type survives encode + decode, with IPv4 and IPv6 addresses, within the size limit. */
class WireCodecRoundTripTest {
    private static final WireCodec CODEC = new WireCodec(1_400, 1_024);

    @Property(tries = 200, seed = "42")
    void membershipMessagesRoundTrip(@ForAll("addresses") PeerAddress sender, @ForAll("addresses") PeerAddress named,
            @ForAll int seq, @ForAll @IntRange(min = 0) int lease, @ForAll @IntRange(min = 0) int hops,
            @ForAll @IntRange(min = 0, max = 65_535) int renewalCopies, @ForAll("budgets") double budget)
            throws DecodeException {
        IdTable<PeerAddress> ids = new IdTable<>();
        int namedId = ids.intern(named);
        roundTrip(sender, new Subscribe(seq, lease, renewalCopies), ids);
        roundTrip(sender, new ForwardedSubscription(seq, namedId, hops, lease), ids);
        roundTrip(sender, new Keep(seq), ids);
        roundTrip(sender, new Replace(seq, namedId), ids);
        roundTrip(sender, new Remove(seq), ids);
        roundTrip(sender, new Unlink(seq), ids);
        roundTrip(sender, new Walk(seq, namedId, budget, hops, lease, renewalCopies), ids);
        roundTrip(sender, new Adopt(seq), ids);
    }

    @Property(tries = 200, seed = "43")
    void gossipHeartbeatAndAckRoundTrip(@ForAll("addresses") PeerAddress sender,
            @ForAll("addresses") PeerAddress origin,
            @ForAll int originSeq, @ForAll @IntRange(min = 0) int hops, @ForAll @Size(max = 1_024) byte[] payload,
            @ForAll int seq) throws DecodeException {
        IdTable<PeerAddress> ids = new IdTable<>();
        roundTrip(sender, Gossip.create(ids.intern(origin), originSeq, hops, payload), ids);
        roundTrip(sender, Heartbeat.INSTANCE, ids);
        if (seq != 0) {
            roundTrip(sender, new Ack(seq), ids);
        }
    }

    @Property(tries = 20, seed = "44")
    void aMaximalGossipOfTwoIpv6AddressesFitsTheDefaultDatagram(@ForAll("ipv6") PeerAddress sender,
            @ForAll("ipv6") PeerAddress origin) {
        IdTable<PeerAddress> ids = new IdTable<>();
        WireCodec largest = new WireCodec(1_400, WireFormat.maxPayloadFor(1_400));
        ByteBuffer datagram = largest.encode(sender,
                Gossip.create(ids.intern(origin), 1, 1, new byte[largest.maxPayloadBytes()]), ids);
        assertEquals(1_400, datagram.remaining());
    }

    /** One example of every message type round-trips: fails as soon as the core adds a type the codec lacks. */
    @Property(tries = 1)
    void everyMessageTypeRoundTrips() throws DecodeException {
        IdTable<PeerAddress> ids = new IdTable<>();
        PeerAddress sender = PeerAddress.parse("10.1.2.3:4000");
        int other = ids.intern(PeerAddress.parse("[2001:db8::9]:5000"));
        List<Message> examples = List.of(new Subscribe(1, 2_000, 3), new ForwardedSubscription(2, other, 5, 2_000),
                new Keep(3), new Replace(4, other), new Remove(5), new Unlink(6), new Walk(7, other, 0.25, 2, 0, 0),
                new Adopt(8), Heartbeat.INSTANCE, Gossip.create(other, 9, 1, new byte[] {1, 2}), new Ack(10));
        Set<MessageType> covered = EnumSet.noneOf(MessageType.class);
        for (Message m : examples) {
            roundTrip(sender, m, ids);
            covered.add(m.type());
        }
        assertEquals(EnumSet.allOf(MessageType.class), covered);
    }

    private static void roundTrip(PeerAddress sender, Message message, IdTable<PeerAddress> ids)
            throws DecodeException {
        ByteBuffer datagram = CODEC.encode(sender, message, ids);
        int sizeBefore = ids.size();
        IdTable<PeerAddress> fresh = new IdTable<>();
        Decoded decoded = CODEC.decode(datagram.duplicate(), ids);
        assertEquals(message, decoded.message());
        assertEquals(sender, decoded.sender());
        assertEquals(sender, ids.identity(decoded.senderId()));
        assertEquals(sizeBefore + (sizeBefore == ids.size() ? 0 : 1), ids.size(), "only the sender may be new");
        // decoding into another table yields the same addresses, whatever the ids
        Decoded elsewhere = CODEC.decode(datagram.duplicate(), fresh);
        assertEquals(message.type(), elsewhere.message().type());
        assertEquals(datagram, CODEC.encode(sender, elsewhere.message(), fresh), "re-encoding gives the same bytes");
    }

    @Provide
    Arbitrary<PeerAddress> addresses() {
        return Arbitraries.oneOf(ipv4(), ipv6());
    }

    @Provide
    Arbitrary<PeerAddress> ipv4() {
        Arbitrary<byte[]> raw = Combinators.combine(Arbitraries.integers().between(1, 223),
                Arbitraries.bytes().array(byte[].class).ofSize(3)).as((first, rest) ->
                new byte[] {(byte) (int) first, rest[0], rest[1], rest[2]});
        return Combinators.combine(raw, Arbitraries.integers().between(1, 65_535)).as(PeerAddress::ofBytes);
    }

    @Provide
    Arbitrary<PeerAddress> ipv6() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofSize(16).map(b -> {
            b[0] = (byte) 0x20; // global unicast: never multicast, wildcard or IPv4-mapped
            return b;
        });
        return Combinators.combine(raw, Arbitraries.integers().between(1, 65_535)).as(PeerAddress::ofBytes);
    }

    @Provide
    Arbitrary<Double> budgets() {
        return Arbitraries.doubles().between(-10, 10);
    }
}
