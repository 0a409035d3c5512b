package io.gossip.udp.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.IdTable;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.MessageType;
import io.gossip.udp.PeerAddress;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * decode(encode(m)) = m for every message type, over arbitrary valid field values weighted to
 * their boundaries, arbitrary addresses, and every datagram limit the codec allows.
 */
class WireCodecRoundTripPropertyTest {

    @Property(tries = 1_000, seed = "6001")
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // collected for the coverage check only
    void everyMessageOfEveryTypeDecodesToItself(@ForAll("defaultSamples") WireArbitraries.Sample sample)
            throws DecodeException {
        WireCodec codec = WireArbitraries.DEFAULT_CODEC;
        IdTable<PeerAddress> ids = new IdTable<>();
        Message message = sample.message(ids);
        ByteBuffer datagram = codec.encode(sample.sender(), message, ids);
        assertTrue(datagram.remaining() <= codec.maxDatagramBytes(), "fits the datagram limit");

        Decoded decoded = codec.decode(datagram.duplicate(), ids);
        assertEquals(message, decoded.message());
        assertEquals(sample.sender(), decoded.sender());
        assertEquals(sample.sender(), ids.identity(decoded.senderId()));

        IdTable<PeerAddress> fresh = new IdTable<>();
        Decoded elsewhere = codec.decode(datagram.duplicate(), fresh);
        assertEquals(datagram, codec.encode(sample.sender(), elsewhere.message(), fresh),
                "decoding into another table and re-encoding gives the same bytes");
        Statistics.collect(sample.spec().type());
        Statistics.coverage(check -> {
            for (MessageType type : MessageType.values()) {
                check.check(type).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 200, seed = "6002")
    void theLargestGossipFitsEveryDatagramLimitExactlyAndRoundTrips(@ForAll("limits") int maxDatagramBytes,
            @ForAll("ipv6") PeerAddress sender, @ForAll("ipv6") PeerAddress origin) throws DecodeException {
        WireCodec codec = new WireCodec(maxDatagramBytes, WireFormat.maxPayloadFor(maxDatagramBytes));
        IdTable<PeerAddress> ids = new IdTable<>();
        Gossip largest = Gossip.create(ids.intern(origin), Integer.MAX_VALUE, Integer.MAX_VALUE,
                new byte[codec.maxPayloadBytes()]);
        ByteBuffer datagram = codec.encode(sender, largest, ids);
        assertEquals(maxDatagramBytes, datagram.remaining(), "the largest payload fills the datagram exactly");
        assertEquals(largest, codec.decode(datagram, ids).message());
        assertThrows(IllegalArgumentException.class, () -> codec.encode(sender,
                Gossip.create(0, 1, 0, new byte[codec.maxPayloadBytes() + 1]), ids), "one byte more is refused");
    }

    @Property(tries = 300, seed = "6003")
    void messagesRoundTripUnderAnyAllowedLimits(@ForAll("limitedSamples") Limited limited) throws DecodeException {
        WireCodec codec = limited.codec();
        IdTable<PeerAddress> ids = new IdTable<>();
        Message message = limited.sample().message(ids);
        byte[] datagram = bytes(codec.encode(limited.sample().sender(), message, ids));
        assertTrue(datagram.length <= codec.maxDatagramBytes(), "fits the datagram limit");

        Decoded decoded = codec.decode(ByteBuffer.wrap(datagram), ids);
        assertEquals(message, decoded.message());
        IdTable<PeerAddress> fresh = new IdTable<>();
        Decoded elsewhere = codec.decode(ByteBuffer.wrap(datagram), fresh);
        assertArrayEquals(datagram, bytes(codec.encode(elsewhere.sender(), elsewhere.message(), fresh)),
                "re-encoding what was decoded gives the same bytes");
    }

    /** A codec with arbitrary allowed limits and a message that fits them. */
    record Limited(WireCodec codec, WireArbitraries.Sample sample) {
        @Override
        public String toString() {
            return "codec(" + codec.maxDatagramBytes() + ", " + codec.maxPayloadBytes() + "): " + sample;
        }
    }

    @Provide
    Arbitrary<WireArbitraries.Sample> defaultSamples() {
        return WireArbitraries.samples(WireArbitraries.DEFAULT_CODEC.maxPayloadBytes());
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.oneOf(
                Arbitraries.of(WireFormat.MIN_MAX_DATAGRAM_BYTES, WireFormat.DEFAULT_MAX_DATAGRAM_BYTES,
                        WireFormat.MAX_MAX_DATAGRAM_BYTES),
                Arbitraries.integers().between(WireFormat.MIN_MAX_DATAGRAM_BYTES, WireFormat.MAX_MAX_DATAGRAM_BYTES));
    }

    @Provide
    Arbitrary<PeerAddress> ipv6() {
        return WireArbitraries.addresses().filter(PeerAddress::isIpv6);
    }

    @Provide
    Arbitrary<Limited> limitedSamples() {
        Arbitrary<WireCodec> codecs = limits().flatMap(datagram -> Arbitraries.integers()
                .between(0, Math.min(WireFormat.maxPayloadFor(datagram), 4_096))
                .map(payload -> new WireCodec(datagram, payload)));
        return codecs.flatMap(codec -> WireArbitraries.samples(codec.maxPayloadBytes())
                .map(s -> new Limited(codec, s)));
    }

    private static byte[] bytes(ByteBuffer datagram) {
        byte[] out = new byte[datagram.remaining()];
        datagram.duplicate().get(out);
        return out;
    }
}
