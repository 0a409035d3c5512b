package io.gossip.udp.wire;

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
import java.util.Arrays;
import java.util.function.IntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of valid wire-format values for the codec's property tests: every address the
 * format accepts (IPv4, IPv6, IPv4-mapped, ports 1 and 65,535), every message type with field
 * values weighted towards their boundaries, and payloads from empty to the codec's limit.
 */
final class WireArbitraries {
    /** The default codec: 1,400-byte datagrams, 1,024-byte payloads. */
    static final WireCodec DEFAULT_CODEC = new WireCodec(WireFormat.DEFAULT_MAX_DATAGRAM_BYTES, 1_024);

    private WireArbitraries() {
    }

    /**
     * A message as sent by {@code sender}, naming {@code named} where its type carries a second
     * address, and the datagram the codec makes of it.
     */
    record Sample(PeerAddress sender, PeerAddress named, MessageSpec spec) {
        /** The message, with {@code named} interned in {@code ids}. */
        Message message(IdTable<PeerAddress> ids) {
            return spec.build(ids.intern(named));
        }

        /** The encoded datagram (its own id table), as an exact-length array. */
        byte[] encode(WireCodec codec) {
            IdTable<PeerAddress> ids = new IdTable<>();
            ByteBuffer datagram = codec.encode(sender, message(ids), ids);
            return Arrays.copyOfRange(datagram.array(), datagram.position(), datagram.limit());
        }

        @Override
        public String toString() {
            return spec + " from " + sender + " naming " + named;
        }
    }

    /** A message waiting for the id of the address it names. */
    interface MessageSpec {
        Message build(int namedId);

        MessageType type();
    }

    private record Spec(MessageType type, String text, IntFunction<Message> builder)
            implements MessageSpec {
        @Override
        public Message build(int namedId) {
            return builder.apply(namedId);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** IPv4, IPv6 and IPv4-mapped addresses, with the extreme unicast addresses and ports often. */
    static Arbitrary<PeerAddress> addresses() {
        Arbitrary<byte[]> raw = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(4),
                Arbitraries.bytes().array(byte[].class).ofSize(16),
                Arbitraries.bytes().array(byte[].class).ofSize(4).map(WireArbitraries::ipv4Mapped),
                Arbitraries.of(new byte[] {0, 0, 0, 1}, new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255},
                        new byte[] {(byte) 223, (byte) 255, (byte) 255, (byte) 255}, new byte[] {(byte) 240, 0, 0, 0},
                        ipv6Loopback(), ipv6Last()));
        Arbitrary<Integer> ports = Arbitraries.oneOf(Arbitraries.of(1, 2, 65_534, 65_535),
                Arbitraries.integers().between(1, 65_535));
        return Combinators.combine(raw, ports).as(WireArbitraries::addressOrNull)
                .filter(a -> a != null && !a.isWildcard());
    }

    private static PeerAddress addressOrNull(byte[] raw, int port) {
        try {
            return PeerAddress.ofBytes(raw, port);
        } catch (IllegalArgumentException multicast) {
            return null;
        }
    }

    private static byte[] ipv4Mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xFF;
        v6[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }

    private static byte[] ipv6Loopback() {
        byte[] v6 = new byte[16];
        v6[15] = 1;
        return v6;
    }

    private static byte[] ipv6Last() {
        byte[] v6 = new byte[16];
        Arrays.fill(v6, (byte) 0xFF);
        v6[0] = (byte) 0xFE; // 0xFF... would be multicast
        return v6;
    }

    /** Any 32-bit value, with 0, ±1 and the extremes often (jqwik's edge cases). */
    static Arbitrary<Integer> anyInt() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE),
                Arbitraries.integers());
    }

    /** A non-negative 32-bit value (hops, lease), with 0, 1 and the maximum often. */
    static Arbitrary<Integer> nonNegative() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, Integer.MAX_VALUE), Arbitraries.integers().greaterOrEqual(0));
    }

    /** An unsigned 16-bit value (renewal copies), with 0, 1 and 65,535 often. */
    static Arbitrary<Integer> u16() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 65_535), Arbitraries.integers().between(0, 65_535));
    }

    /** A finite walk budget, including the extremes, signed zeros and subnormals. */
    static Arbitrary<Double> budgets() {
        return Arbitraries.oneOf(Arbitraries.of(0.0, -0.0, 1.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE),
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite));
    }

    /** A gossip payload of 0 to {@code maxBytes} bytes, with empty and full ones often. */
    static Arbitrary<byte[]> payloads(int maxBytes) {
        return Arbitraries.oneOf(
                Arbitraries.of(0, 1, maxBytes - 1, maxBytes).filter(n -> n >= 0 && n <= maxBytes)
                        .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(maxBytes));
    }

    /** A message of any type, with payloads up to {@code maxPayloadBytes}. */
    static Arbitrary<MessageSpec> messages(int maxPayloadBytes) {
        Arbitrary<Integer> seq = anyInt();
        return Arbitraries.oneOf(
                Combinators.combine(seq, nonNegative(), u16()).as((s, lease, copies) ->
                        spec(MessageType.SUBSCRIBE, id -> new Subscribe(s, lease, copies))),
                Combinators.combine(seq, nonNegative(), nonNegative()).as((s, hops, lease) ->
                        spec(MessageType.FORWARDED_SUBSCRIPTION, id -> new ForwardedSubscription(s, id, hops, lease))),
                seq.map(s -> spec(MessageType.KEEP, id -> new Keep(s))),
                seq.map(s -> spec(MessageType.REPLACE, id -> new Replace(s, id))),
                seq.map(s -> spec(MessageType.REMOVE, id -> new Remove(s))),
                seq.map(s -> spec(MessageType.UNLINK, id -> new Unlink(s))),
                Combinators.combine(seq, budgets(), nonNegative(), nonNegative(), u16())
                        .as((s, b, hops, lease, copies) ->
                                spec(MessageType.WALK, id -> new Walk(s, id, b, hops, lease, copies))),
                Arbitraries.just(spec(MessageType.HEARTBEAT, id -> Heartbeat.INSTANCE)),
                Combinators.combine(anyInt(), nonNegative(), payloads(maxPayloadBytes)).as((originSeq, hops, payload) ->
                        spec(MessageType.GOSSIP, id -> Gossip.create(id, originSeq, hops, payload))),
                seq.filter(s -> s != 0).map(s -> spec(MessageType.ACK, id -> new Ack(s))),
                seq.map(s -> spec(MessageType.ADOPT, id -> new Adopt(s))));
    }

    private static MessageSpec spec(MessageType type, IntFunction<Message> builder) {
        return new Spec(type, builder.apply(0).toString(), builder);
    }

    /** A sample of any message type between two arbitrary addresses. */
    static Arbitrary<Sample> samples(int maxPayloadBytes) {
        return Combinators.combine(addresses(), addresses(), messages(maxPayloadBytes)).as(Sample::new);
    }
}
