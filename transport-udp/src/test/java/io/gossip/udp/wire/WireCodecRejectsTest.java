package io.gossip.udp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gossip.protocol.IdTable;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Subscribe;
import io.gossip.udp.PeerAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireCodecRejectsTest {
    private final WireCodec codec = new WireCodec(MalformedDatagrams.MAX_DATAGRAM_BYTES,
            MalformedDatagrams.MAX_PAYLOAD_BYTES);

    @Test
    void decodesTheHandBuiltValidDatagrams() throws DecodeException {
        IdTable<PeerAddress> ids = new IdTable<>();
        Decoded subscribe = codec.decode(ByteBuffer.wrap(MalformedDatagrams.subscribe(9000)), ids);
        assertEquals(new Subscribe(7, 0, 0), subscribe.message());
        assertEquals(PeerAddress.parse("127.0.0.1:9000"), subscribe.sender());
        assertEquals(Heartbeat.INSTANCE,
                codec.decode(ByteBuffer.wrap(MalformedDatagrams.heartbeat(9000)), ids).message());
        Decoded gossip = codec.decode(ByteBuffer.wrap(MalformedDatagrams.gossip(9000, 1_024)), ids);
        assertEquals(1_024, assertInstanceOf(Gossip.class, gossip.message()).payloadLength());
    }

    @Test
    void rejectsEachMalformedDatagramWithItsOwnReasonAndLeavesTheIdTableUntouched() {
        Map<RejectReason, byte[]> cases = MalformedDatagrams.oneOfEach(9000);
        assertEquals(RejectReason.count(), cases.size(), "one example per reason");
        for (Map.Entry<RejectReason, byte[]> c : cases.entrySet()) {
            IdTable<PeerAddress> ids = new IdTable<>();
            DecodeException e = assertThrows(DecodeException.class,
                    () -> codec.decode(ByteBuffer.wrap(c.getValue()), ids), c.getKey().name());
            assertEquals(c.getKey(), e.reason(), e.getMessage());
            assertEquals(0, ids.size(), "no address interned for a rejected " + c.getKey());
        }
    }

    @Test
    void rejectsAPayloadLengthLargerThanTheBytesLeftAsTruncated() {
        byte[] datagram = MalformedDatagrams.gossip(9000, 10);
        ByteBuffer shortened = ByteBuffer.wrap(datagram, 0, datagram.length - 5);
        DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(shortened, new IdTable<>()));
        assertEquals(RejectReason.TRUNCATED, e.reason());
    }

    @Test
    void rejectsAnAnnouncedPayloadOf65535BytesWithoutAllocatingIt() {
        byte[] datagram = MalformedDatagrams.gossip(9000, 0);
        datagram[datagram.length - 2] = (byte) 0xFF;
        datagram[datagram.length - 1] = (byte) 0xFF;
        DecodeException e = assertThrows(DecodeException.class,
                () -> codec.decode(ByteBuffer.wrap(datagram), new IdTable<>()));
        assertEquals(RejectReason.TRUNCATED, e.reason());
    }

    @Test
    void rejectsAnEmptyDatagramAsTruncated() {
        DecodeException e = assertThrows(DecodeException.class,
                () -> codec.decode(ByteBuffer.allocate(0), new IdTable<>()));
        assertEquals(RejectReason.TRUNCATED, e.reason());
    }

    @Test
    void refusesAPayloadLimitThatDoesNotFitTheDatagramLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WireCodec(1_400, 1_400));
        assertEquals(true, e.getMessage().contains("does not fit"), e.getMessage());
    }
}
