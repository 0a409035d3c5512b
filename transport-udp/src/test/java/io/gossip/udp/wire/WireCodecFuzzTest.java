package io.gossip.udp.wire;

import io.gossip.protocol.IdTable;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Walk;
import io.gossip.udp.PeerAddress;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Decoding arbitrary bytes either succeeds or throws {@link DecodeException}; any other exception
 * fails the property (jqwik reports it with the seed that reproduces it).
 */
class WireCodecFuzzTest {
    private static final WireCodec CODEC = new WireCodec(1_400, 1_024);

    @Property(tries = 3_000, seed = "7")
    void randomBytesNeverThrowAnythingButDecodeException(@ForAll @Size(max = 1_500) byte[] datagram) {
        decode(datagram);
    }

    @Property(tries = 3_000, seed = "8")
    void randomBytesAfterAValidPrefixNeverThrowAnythingButDecodeException(
            @ForAll @IntRange(min = 1, max = 12) int type, @ForAll @Size(max = 80) byte[] rest) {
        ByteBuffer b = ByteBuffer.allocate(3 + rest.length);
        b.put(WireFormat.MAGIC).put(WireFormat.VERSION).put((byte) type).put(rest);
        decode(b.array());
    }

    @Property(tries = 2_000, seed = "9")
    void mutatedValidDatagramsNeverThrowAnythingButDecodeException(@ForAll @IntRange(min = 0, max = 60) int at,
            @ForAll byte value, @ForAll @IntRange(min = 0, max = 70) int cut) {
        IdTable<PeerAddress> ids = new IdTable<>();
        PeerAddress a = PeerAddress.parse("[2001:db8::1]:7000");
        int id = ids.intern(PeerAddress.parse("10.0.0.1:7001"));
        for (ByteBuffer valid : new ByteBuffer[] {
                CODEC.encode(a, new Walk(5, id, 0.5, 3, 100, 4), ids),
                CODEC.encode(a, Gossip.create(id, 1, 2, new byte[] {1, 2, 3}), ids)}) {
            byte[] bytes = new byte[valid.remaining()];
            valid.get(bytes);
            bytes[at % bytes.length] = value;
            byte[] shortened = new byte[Math.max(0, bytes.length - cut % (bytes.length + 1))];
            System.arraycopy(bytes, 0, shortened, 0, shortened.length);
            decode(bytes);
            decode(shortened);
        }
    }

    private static void decode(byte[] datagram) {
        try {
            CODEC.decode(ByteBuffer.wrap(datagram), new IdTable<>());
        } catch (DecodeException expected) {
            // the only acceptable failure
        }
    }
}
