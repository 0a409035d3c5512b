package io.gossip.udp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.IdTable;
import io.gossip.udp.PeerAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Mutated, truncated, extended and random datagrams are either decoded to a valid message or
 * rejected with a {@link RejectReason}; nothing else is ever thrown, and a rejected datagram
 * leaves the id table untouched.
 */
class WireCodecHostileInputPropertyTest {
    /** A codec whose small limits make oversized datagrams and too-long payloads easy to reach. */
    private static final WireCodec SMALL_CODEC = new WireCodec(WireFormat.MIN_MAX_DATAGRAM_BYTES, 32);
    private static final String ACCEPTED = "accepted";

    @Property(tries = 4_000, seed = "6101")
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // collected for the coverage check only
    void mutatedDatagramsAreDecodedOrRejectedWithAReason(@ForAll("smallSamples") WireArbitraries.Sample sample,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] mutated = Mutation.applyAll(sample.encode(WireArbitraries.DEFAULT_CODEC), mutations);
        Statistics.label("default codec").collect(outcome(WireArbitraries.DEFAULT_CODEC, mutated));
        Statistics.label("small codec").collect(outcome(SMALL_CODEC, mutated));
        Statistics.label("small codec").coverage(check -> {
            check.check(ACCEPTED).count(n -> n > 0);
            for (RejectReason reason : RejectReason.values()) {
                check.check(reason.name()).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 500, seed = "6102")
    void everyProperPrefixOfAValidDatagramIsRejectedAsTruncated(@ForAll("defaultSamples") WireArbitraries.Sample sample,
            @ForAll @IntRange(min = 0) int cut) {
        byte[] valid = sample.encode(WireArbitraries.DEFAULT_CODEC);
        byte[] prefix = Arrays.copyOf(valid, cut % valid.length);
        assertEquals(RejectReason.TRUNCATED.name(), outcome(WireArbitraries.DEFAULT_CODEC, prefix), hex(prefix));
    }

    @Property(tries = 500, seed = "6103")
    void bytesAfterAValidDatagramAreRejectedAsTrailingOrOversized(
            @ForAll("defaultSamples") WireArbitraries.Sample sample, @ForAll @Size(min = 1, max = 1_500) byte[] extra) {
        byte[] valid = sample.encode(WireArbitraries.DEFAULT_CODEC);
        byte[] extended = Arrays.copyOf(valid, valid.length + extra.length);
        System.arraycopy(extra, 0, extended, valid.length, extra.length);
        RejectReason expected = extended.length > WireArbitraries.DEFAULT_CODEC.maxDatagramBytes()
                ? RejectReason.OVERSIZED_DATAGRAM : RejectReason.TRAILING_BYTES;
        assertEquals(expected.name(), outcome(WireArbitraries.DEFAULT_CODEC, extended), hex(extended));
    }

    @Property(tries = 3_000, seed = "6104")
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // collected for the coverage check only
    void randomDatagramsAreDecodedOrRejectedWithAReason(@ForAll @Size(max = 1_500) byte[] random,
            @ForAll @IntRange(min = 0, max = 15) int typeCode, @ForAll boolean validPrefix) {
        byte[] datagram = random;
        if (validPrefix && datagram.length >= 3) {
            datagram = random.clone();
            datagram[0] = WireFormat.MAGIC;
            datagram[1] = WireFormat.VERSION;
            datagram[2] = (byte) typeCode;
        }
        Statistics.collect(outcome(WireArbitraries.DEFAULT_CODEC, datagram));
        Statistics.coverage(check -> {
            for (RejectReason pastThePrefix : new RejectReason[] {RejectReason.UNKNOWN_TYPE,
                    RejectReason.BAD_ADDRESS_LENGTH, RejectReason.TRUNCATED, RejectReason.OVERSIZED_DATAGRAM}) {
                check.check(pastThePrefix.name()).count(n -> n > 0);
            }
        });
    }

    /**
     * Decodes {@code datagram} into a fresh table and checks the outcome: a decoded message must
     * re-encode to a datagram that decodes to the same message, and intern nothing but its own
     * addresses; a rejection must carry a reason and intern nothing.
     *
     * @return {@link #ACCEPTED} or the reject reason's name
     */
    static String outcome(WireCodec codec, byte[] datagram) {
        IdTable<PeerAddress> ids = new IdTable<>();
        Decoded decoded;
        try {
            decoded = codec.decode(ByteBuffer.wrap(datagram), ids);
        } catch (DecodeException e) {
            assertNotNull(e.reason());
            assertEquals(0, ids.size(), "a rejected datagram interned an address: " + hex(datagram));
            return e.reason().name();
        } catch (RuntimeException | Error e) {
            throw new AssertionError("decoding " + hex(datagram) + " threw " + e, e);
        }
        assertTrue(ids.size() >= 1 && ids.size() <= 2, "interns only the sender and the address named");
        assertTrue(!decoded.sender().isWildcard(), "never a wildcard sender");
        try {
            ByteBuffer again = codec.encode(decoded.sender(), decoded.message(), ids);
            assertEquals(decoded.message(), codec.decode(again, ids).message(), "re-encoding " + hex(datagram));
        } catch (DecodeException e) {
            throw new AssertionError("re-encoding the decoded " + hex(datagram) + " is rejected: " + e, e);
        }
        return ACCEPTED;
    }

    static String hex(byte[] datagram) {
        return datagram.length + " bytes " + HexFormat.of().formatHex(datagram);
    }

    @Provide
    Arbitrary<WireArbitraries.Sample> defaultSamples() {
        return WireArbitraries.samples(WireArbitraries.DEFAULT_CODEC.maxPayloadBytes());
    }

    @Provide
    Arbitrary<WireArbitraries.Sample> smallSamples() {
        return WireArbitraries.samples(100); // up to 151 bytes: some exceed the small limit
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Arbitraries.oneOf(Mutation.some(1), Mutation.some(8));
    }
}
