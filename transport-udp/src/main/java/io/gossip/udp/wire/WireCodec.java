package io.gossip.udp.wire;

import io.gossip.protocol.IdTable;
import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.Adopt;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Remove;
import io.gossip.protocol.message.Replace;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;
import io.gossip.protocol.message.Walk;
import io.gossip.udp.PeerAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Encodes protocol messages into datagrams of the wire format and decodes them back, strictly.
 *
 * <p>The core speaks in int ids; the wire speaks in addresses. Both directions go through the
 * event loop's {@link IdTable}: encoding looks ids up, decoding interns addresses, but only once
 * the whole datagram has been validated, so a rejected datagram leaves the table untouched.
 * Decoding throws nothing but {@link DecodeException}. Instances are immutable and thread-safe.
 */
public final class WireCodec {
    private final int maxDatagramBytes;
    private final int maxPayloadBytes;

    /**
     * A codec for datagrams of at most {@code maxDatagramBytes} carrying gossip payloads of at most
     * {@code maxPayloadBytes}.
     *
     * @param maxDatagramBytes the largest datagram written or accepted, in bytes
     * @param maxPayloadBytes the largest gossip payload written or accepted, in bytes, at most
     *     {@link WireFormat#maxPayloadFor}{@code (maxDatagramBytes)}
     * @throws IllegalArgumentException if the datagram limit is outside
     *     [{@link WireFormat#MIN_MAX_DATAGRAM_BYTES}, {@link WireFormat#MAX_MAX_DATAGRAM_BYTES}] or
     *     the payload limit is negative or does not fit the datagram limit
     */
    public WireCodec(int maxDatagramBytes, int maxPayloadBytes) {
        if (maxDatagramBytes < WireFormat.MIN_MAX_DATAGRAM_BYTES
                || maxDatagramBytes > WireFormat.MAX_MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("maxDatagramBytes must be in [" + WireFormat.MIN_MAX_DATAGRAM_BYTES
                    + ", " + WireFormat.MAX_MAX_DATAGRAM_BYTES + "], got " + maxDatagramBytes);
        }
        int fits = WireFormat.maxPayloadFor(maxDatagramBytes);
        if (maxPayloadBytes < 0 || maxPayloadBytes > fits) {
            throw new IllegalArgumentException("maxPayloadBytes " + maxPayloadBytes + " does not fit datagrams of "
                    + maxDatagramBytes + " bytes (at most " + fits + " payload bytes after the "
                    + WireFormat.MAX_GOSSIP_OVERHEAD_BYTES + "-byte worst-case gossip header)");
        }
        this.maxDatagramBytes = maxDatagramBytes;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * The largest datagram this codec writes or accepts.
     *
     * @return the limit in bytes given at construction
     */
    public int maxDatagramBytes() {
        return maxDatagramBytes;
    }

    /**
     * The largest gossip payload this codec writes or accepts.
     *
     * @return the limit in bytes given at construction
     */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    // ------------------------------------------------------------------ encoding

    /**
     * Encodes {@code message} as sent by {@code sender}, mapping the ids inside it to addresses.
     *
     * @param sender the sending node's advertised address, not null
     * @param message the message, not null
     * @param ids the table that maps the ids inside the message (subscriber, replacement, origin) to
     *     addresses
     * @return a buffer positioned at 0 whose limit is the datagram length
     * @throws IllegalArgumentException if an id is unknown to the table, or the message would exceed
     *     the datagram or payload limit
     */
    public ByteBuffer encode(PeerAddress sender, Message message, IdTable<PeerAddress> ids) {
        ByteBuffer out = ByteBuffer.allocate(maxDatagramBytes);
        encodeInto(sender, message, ids, out);
        out.flip();
        return out;
    }

    /**
     * Encodes like {@link #encode} into a caller-owned scratch buffer (from its position, which
     * must leave at least {@link #maxDatagramBytes()} bytes), so a sender can copy out exactly the
     * bytes written instead of allocating a full-size buffer per datagram.
     *
     * @param sender the sending node's advertised address, not null
     * @param message the message, not null
     * @param ids the table that maps the ids inside the message to addresses
     * @param out where the datagram is written, from its position on, which advances past it; on an
     *     exception, some bytes may have been written
     * @throws IllegalArgumentException as {@link #encode}
     */
    public void encodeInto(PeerAddress sender, Message message, IdTable<PeerAddress> ids, ByteBuffer out) {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(message, "message");
        if (message instanceof Gossip g && g.payloadLength() > maxPayloadBytes) {
            throw new IllegalArgumentException("gossip payload of " + g.payloadLength()
                    + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        if (out.remaining() < maxDatagramBytes) {
            throw new IllegalArgumentException("scratch buffer has " + out.remaining() + " bytes, needs "
                    + maxDatagramBytes);
        }
        out.put(WireFormat.MAGIC).put(WireFormat.VERSION).put((byte) WireFormat.code(message.type()));
        putAddress(out, sender);
        if (message instanceof MembershipMessage m) {
            out.putInt(m.seq());
        }
        switch (message.type()) {
            case SUBSCRIBE -> {
                Subscribe s = (Subscribe) message;
                out.putInt(s.leaseMillis()).putShort((short) s.renewalCopies());
            }
            case FORWARDED_SUBSCRIPTION -> {
                ForwardedSubscription fs = (ForwardedSubscription) message;
                putAddress(out, ids.identity(fs.subscriber()));
                out.putInt(fs.hops()).putInt(fs.leaseMillis());
            }
            case REPLACE -> putAddress(out, ids.identity(((Replace) message).replacement()));
            case WALK -> {
                Walk w = (Walk) message;
                putAddress(out, ids.identity(w.subscriber()));
                out.putDouble(w.budget()).putInt(w.hops()).putInt(w.leaseMillis()).putShort((short) w.renewalCopies());
            }
            case GOSSIP -> {
                Gossip g = (Gossip) message;
                putAddress(out, ids.identity(g.origin()));
                out.putInt(g.originSeq()).putInt(g.hops()).putShort((short) g.payloadLength()).put(g.payloadView());
            }
            case ACK -> out.putInt(((Ack) message).seq());
            case KEEP, REMOVE, UNLINK, ADOPT, HEARTBEAT -> {
                // sequence number (membership) or nothing (heartbeat): already written
            }
        }
    }

    private static void putAddress(ByteBuffer out, PeerAddress address) {
        byte[] raw = address.addressBytes();
        out.put((byte) raw.length).put(raw).putShort((short) address.port());
    }

    // ------------------------------------------------------------------ decoding

    /**
     * Decodes one datagram (from its position to its limit), interning the addresses it names.
     *
     * @param datagram the received bytes; its position advances as fields are read
     * @param ids the table in which the sender's and the message's addresses are interned
     * @return the sender, its id and the message, never null
     * @throws DecodeException if the datagram breaks any rule of the format; the table is then
     *     unchanged
     */
    public Decoded decode(ByteBuffer datagram, IdTable<PeerAddress> ids) throws DecodeException {
        if (datagram.remaining() > maxDatagramBytes) {
            throw new DecodeException(RejectReason.OVERSIZED_DATAGRAM,
                    datagram.remaining() + " bytes, limit " + maxDatagramBytes);
        }
        WireReader in = new WireReader(datagram);
        int magic = in.u8("magic");
        if (magic != (WireFormat.MAGIC & 0xFF)) {
            throw new DecodeException(RejectReason.BAD_MAGIC, "0x" + Integer.toHexString(magic));
        }
        int version = in.u8("version");
        if (version != WireFormat.VERSION) {
            throw new DecodeException(RejectReason.BAD_VERSION,
                    "version " + version + ", expected " + WireFormat.VERSION);
        }
        int code = in.u8("type");
        MessageType type = WireFormat.typeOf(code);
        if (type == null) {
            throw new DecodeException(RejectReason.UNKNOWN_TYPE, "type code " + code);
        }
        PeerAddress sender = in.address("sender");
        int seq = type.isMembership() ? in.i32("seq") : 0;
        Message message;
        try {
            message = body(type, seq, in, ids);
        } catch (IllegalArgumentException e) {
            // Every field is checked above; this only catches a rule the core added since.
            throw new DecodeException(RejectReason.BAD_FIELD, e.getMessage());
        }
        return new Decoded(sender, ids.intern(sender), message);
    }

    private Message body(MessageType type, int seq, WireReader in, IdTable<PeerAddress> ids) throws DecodeException {
        return switch (type) {
            case SUBSCRIBE -> {
                int lease = in.nonNegative("leaseMillis");
                int renewalCopies = in.u16("renewalCopies");
                in.end();
                yield new Subscribe(seq, lease, renewalCopies);
            }
            case FORWARDED_SUBSCRIPTION -> {
                PeerAddress subscriber = in.address("subscriber");
                int hops = in.nonNegative("hops");
                int lease = in.nonNegative("leaseMillis");
                in.end();
                yield new ForwardedSubscription(seq, ids.intern(subscriber), hops, lease);
            }
            case KEEP -> end(in, new Keep(seq));
            case REPLACE -> {
                PeerAddress replacement = in.address("replacement");
                in.end();
                yield new Replace(seq, ids.intern(replacement));
            }
            case REMOVE -> end(in, new Remove(seq));
            case UNLINK -> end(in, new Unlink(seq));
            case ADOPT -> end(in, new Adopt(seq));
            case WALK -> decodeWalk(in, seq, ids);
            case HEARTBEAT -> end(in, Heartbeat.INSTANCE);
            case GOSSIP -> decodeGossip(in, ids);
            case ACK -> {
                int acked = in.i32("seq");
                if (acked == MembershipMessage.UNACKNOWLEDGED) {
                    throw new DecodeException(RejectReason.BAD_FIELD, "ack of sequence number 0");
                }
                in.end();
                yield new Ack(acked);
            }
        };
    }

    private static Message end(WireReader in, Message message) throws DecodeException {
        in.end();
        return message;
    }

    private static Walk decodeWalk(WireReader in, int seq, IdTable<PeerAddress> ids) throws DecodeException {
        PeerAddress subscriber = in.address("subscriber");
        double budget = in.f64("budget");
        if (!Double.isFinite(budget)) {
            throw new DecodeException(RejectReason.BAD_FIELD, "walk budget must be finite, got " + budget);
        }
        int hops = in.nonNegative("hops");
        int lease = in.nonNegative("leaseMillis");
        int renewalCopies = in.u16("renewalCopies");
        in.end();
        return new Walk(seq, ids.intern(subscriber), budget, hops, lease, renewalCopies);
    }

    private Gossip decodeGossip(WireReader in, IdTable<PeerAddress> ids) throws DecodeException {
        PeerAddress origin = in.address("origin");
        int originSeq = in.i32("originSeq");
        int hops = in.nonNegative("hops");
        int length = in.u16("payloadLength");
        if (length > in.remaining()) {
            throw new DecodeException(RejectReason.TRUNCATED,
                    "payload announces " + length + " bytes, " + in.remaining() + " left");
        }
        if (length > maxPayloadBytes) {
            throw new DecodeException(RejectReason.PAYLOAD_TOO_LONG, length + " bytes, limit " + maxPayloadBytes);
        }
        byte[] payload = in.bytes(length, "payload");
        in.end();
        return Gossip.create(ids.intern(origin), originSeq, hops, payload);
    }
}
