package io.gossip.udp.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.IdTable;
import io.gossip.udp.PeerAddress;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Decoding never allocates more than a small multiple of the datagram's size plus a constant:
 * an announced length can never make the decoder allocate memory the datagram does not contain.
 * Measured with the JVM's per-thread allocation counter around each decode.
 */
class WireCodecAllocationTest {
    /**
     * Bytes a decode may allocate per datagram byte: a gossip payload is copied once out of the
     * datagram and once more by {@code Gossip.create}.
     */
    static final int BYTES_PER_DATAGRAM_BYTE = 3;
    /**
     * Bytes a decode may allocate besides: up to three addresses (raw bytes, {@code InetAddress},
     * {@code PeerAddress}), the message record, the id table's first entries, or an exception and
     * its message. Measured worst on 64-bit HotSpot 17 (compressed oops): 692 bytes.
     */
    static final int CONSTANT_BYTES = 1_536;
    private static final int ROUNDS = 3;

    @Property(tries = 1, seed = "6201")
    void decodingAllocatesAtMostASmallMultipleOfTheDatagramSize(@ForAll("corpus") List<byte[]> corpus) {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        WireCodec codec = WireArbitraries.DEFAULT_CODEC;
        for (int warmUp = 0; warmUp < 3; warmUp++) { // load classes and link call sites first
            for (byte[] datagram : corpus) {
                allocatedBy(threads, codec, datagram);
            }
        }
        long worstExcessBytes = Long.MIN_VALUE;
        String worst = "";
        long totalAllocated = 0;
        long totalBytes = 0;
        for (byte[] datagram : corpus) {
            long fewest = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) { // the least of a few: ignores one-off JVM work
                fewest = Math.min(fewest, allocatedBy(threads, codec, datagram));
            }
            totalAllocated += fewest;
            totalBytes += datagram.length;
            long excess = fewest - (long) BYTES_PER_DATAGRAM_BYTE * datagram.length;
            if (excess > worstExcessBytes) {
                worstExcessBytes = excess;
                worst = fewest + " bytes allocated decoding " + WireCodecHostileInputPropertyTest.hex(datagram);
            }
        }
        assertTrue(worstExcessBytes <= CONSTANT_BYTES, "allocates more than " + BYTES_PER_DATAGRAM_BYTE
                + " x size + " + CONSTANT_BYTES + ": " + worst);
        assertTrue(totalAllocated <= (long) BYTES_PER_DATAGRAM_BYTE * totalBytes
                        + (long) CONSTANT_BYTES * corpus.size(),
                "total " + totalAllocated + " bytes for " + totalBytes + " datagram bytes");
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        Assume.that(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assume.that(threads.isThreadAllocatedMemorySupported());
        if (!threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        return threads;
    }

    /** Bytes allocated on this thread by one decode of {@code datagram} into a fresh table. */
    private static long allocatedBy(com.sun.management.ThreadMXBean threads, WireCodec codec, byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        IdTable<PeerAddress> ids = new IdTable<>();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            codec.decode(buffer, ids);
        } catch (DecodeException rejected) {
            // allocation of the rejection counts too
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Provide
    Arbitrary<List<byte[]>> corpus() {
        int maxPayload = WireArbitraries.DEFAULT_CODEC.maxPayloadBytes();
        Arbitrary<byte[]> valid = WireArbitraries.samples(maxPayload)
                .map(s -> s.encode(WireArbitraries.DEFAULT_CODEC));
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Mutation.some(8)).as(Mutation::applyAll);
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(1_600);
        return Arbitraries.oneOf(valid, mutated, random).list().ofSize(3_000);
    }
}
