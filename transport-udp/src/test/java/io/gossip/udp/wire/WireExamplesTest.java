package io.gossip.udp.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.protocol.IdTable;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.Subscribe;
import io.gossip.udp.PeerAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The byte examples and sizes in WIRE.md are what the encoder writes. */
class WireExamplesTest {
    private static final WireCodec CODEC = new WireCodec(1_400, 1_024);
    private static final PeerAddress SENDER = PeerAddress.parse("127.0.0.1:9000");

    @Test
    void heartbeatExample() {
        assertArrayEquals(hex("47 01 08 04 7f 00 00 01 23 28"), encode(Heartbeat.INSTANCE, new IdTable<>()));
        assertArrayEquals(MalformedDatagrams.heartbeat(9000), encode(Heartbeat.INSTANCE, new IdTable<>()));
    }

    @Test
    void subscribeExample() {
        assertArrayEquals(hex("47 01 01 04 7f 00 00 01 23 28 00 00 00 07 00 00 00 00 00 00"),
                encode(new Subscribe(7, 0, 0), new IdTable<>()));
        assertArrayEquals(MalformedDatagrams.subscribe(9000), encode(new Subscribe(7, 0, 0), new IdTable<>()));
    }

    @Test
    void gossipOverheadIsAtMost51Bytes() {
        IdTable<PeerAddress> ids = new IdTable<>();
        int origin = ids.intern(PeerAddress.parse("[2001:db8::1]:1"));
        assertEquals(51, WireFormat.MAX_GOSSIP_OVERHEAD_BYTES);
        assertEquals(1_349, WireFormat.maxPayloadFor(1_400));
        ByteBuffer exact = new WireCodec(1_400, 1_024).encode(PeerAddress.parse("[2001:db8::2]:2"),
                Gossip.create(origin, 1, 1, new byte[100]), ids);
        assertEquals(51 + 100, exact.remaining(), "two IPv6 addresses: the worst case");
    }

    private static byte[] encode(Message message, IdTable<PeerAddress> ids) {
        ByteBuffer b = CODEC.encode(SENDER, message, ids);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static byte[] hex(String text) {
        String[] parts = text.split(" ");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }
}
