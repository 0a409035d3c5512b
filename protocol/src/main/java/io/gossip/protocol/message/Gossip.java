package io.gossip.protocol.message;

import io.gossip.protocol.NodeIds;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * An application message being disseminated. Its identity is {@code (origin, originSeq)}: unique
 * per origin, so a node delivers it once and drops every later copy.
 *
 * <p>The payload is copied once when the message is created by {@link #create} and never exposed
 * for writing, so one instance can be forwarded to many peers without copying.
 */
public final class Gossip implements Message {
    private final int origin;
    private final int originSeq;
    private final int hops;
    private final byte[] payload;

    private Gossip(int origin, int originSeq, int hops, byte[] payload) {
        NodeIds.check(origin);
        if (hops < 0) {
            throw new IllegalArgumentException("hop count must be >= 0: " + hops);
        }
        this.origin = origin;
        this.originSeq = originSeq;
        this.hops = hops;
        this.payload = payload;
    }

    /**
     * A gossip message with a private copy of {@code payload}.
     *
     * @param origin the node that broadcast it, a valid id ({@code >= 0})
     * @param originSeq the origin's sequence number for it; any int (numbers wrap)
     * @param hops hops travelled so far, {@code >= 0}: 0 at the origin
     * @param payload the application's bytes; copied, so the caller may reuse the array
     * @return a new message that owns its copy of the payload
     * @throws NullPointerException if payload is null
     * @throws IllegalArgumentException if origin is not a valid id or hops is negative
     */
    public static Gossip create(int origin, int originSeq, int hops, byte[] payload) {
        return new Gossip(origin, originSeq, hops, payload.clone());
    }

    /**
     * The same message one hop further. Shares the payload.
     *
     * @return a new message with the same identity and payload and {@code hops() + 1}
     */
    public Gossip nextHop() {
        return new Gossip(origin, originSeq, hops + 1, payload);
    }

    /**
     * The node that broadcast this message.
     *
     * @return the origin's id, {@code >= 0}
     */
    public int origin() {
        return origin;
    }

    /**
     * The origin's sequence number for this message.
     *
     * @return the sequence number; any int, unique per origin while peers remember it
     */
    public int originSeq() {
        return originSeq;
    }

    /**
     * The identity of this message as one long: origin in the high half, sequence in the low.
     *
     * @return {@link #messageId(int, int)} of this message's origin and sequence number
     */
    public long messageId() {
        return messageId(origin, originSeq);
    }

    /**
     * Packs a message identity into a long.
     *
     * @param origin the node that broadcast the message
     * @param originSeq the origin's sequence number for it
     * @return {@code origin} in the high 32 bits, {@code originSeq} (unsigned) in the low 32 bits
     */
    public static long messageId(int origin, int originSeq) {
        return ((long) origin << 32) | (originSeq & 0xFFFF_FFFFL);
    }

    /**
     * Hops travelled: 0 at the origin.
     *
     * @return the hop count, {@code >= 0}
     */
    public int hops() {
        return hops;
    }

    /**
     * Payload length in bytes.
     *
     * @return the length, {@code >= 0}, without copying the payload
     */
    public int payloadLength() {
        return payload.length;
    }

    /**
     * A fresh copy of the payload.
     *
     * @return a new array on each call; writing to it does not change the message
     */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * A read-only view of the payload, without copying.
     *
     * @return a new read-only buffer over the whole payload, position 0, limit the length
     */
    public ByteBuffer payloadView() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer();
    }

    /**
     * Hands {@code action} the origin's id, the one id this message names.
     *
     * @param action called once, with {@link #origin()}; not null
     */
    @Override
    public void forEachNamedId(IntConsumer action) {
        action.accept(origin);
    }

    @Override
    public MessageType type() {
        return MessageType.GOSSIP;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gossip g && g.origin == origin && g.originSeq == originSeq
                && g.hops == hops && Arrays.equals(g.payload, payload);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(messageId()) * 31 + hops) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Gossip[origin=" + origin + ", originSeq=" + originSeq + ", hops=" + hops
                + ", payloadLength=" + payload.length + "]";
    }
}
