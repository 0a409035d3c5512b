package io.gossip.bench;

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
import io.gossip.udp.wire.DecodeException;
import io.gossip.udp.wire.Decoded;
import io.gossip.udp.wire.WireCodec;
import io.gossip.udp.wire.WireFormat;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The UDP transport's {@link WireCodec}, per message type: encoding a message into a reused scratch
 * buffer (what the event loop does before each send) and decoding a datagram back, addresses
 * interned in an {@link IdTable} that already knows them (the steady state of a running node).
 * IPv4 addresses, the default 1,400-byte datagram limit, 64-byte gossip payloads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WireCodecBenchmark {
    private static final int PAYLOAD_BYTES = 64;

    /** The message type encoded and decoded. */
    @Param({"SUBSCRIBE", "FORWARDED_SUBSCRIPTION", "KEEP", "REPLACE", "REMOVE", "UNLINK", "WALK", "ADOPT",
            "HEARTBEAT", "GOSSIP", "ACK"})
    public MessageType type;

    private WireCodec codec;
    private IdTable<PeerAddress> ids;
    private PeerAddress sender;
    private Message message;
    private ByteBuffer scratch;
    private ByteBuffer datagram;

    @Setup(Level.Trial)
    public void setUp() throws DecodeException {
        codec = new WireCodec(WireFormat.DEFAULT_MAX_DATAGRAM_BYTES, 1_024);
        ids = new IdTable<>();
        sender = PeerAddress.parse("10.0.0.1:7946");
        ids.intern(sender);
        int other = ids.intern(PeerAddress.parse("10.0.0.2:7946"));
        message = sample(type, other);
        scratch = ByteBuffer.allocate(codec.maxDatagramBytes());
        datagram = codec.encode(sender, message, ids);
        Decoded check = codec.decode(datagram.duplicate(), ids);
        if (!check.message().equals(message) || !check.sender().equals(sender)) {
            throw new IllegalStateException("round trip of " + type + " gave " + check);
        }
    }

    private static Message sample(MessageType type, int other) {
        int seq = 12_345;
        return switch (type) {
            case SUBSCRIBE -> new Subscribe(seq, 60_000, 0);
            case FORWARDED_SUBSCRIPTION -> new ForwardedSubscription(seq, other, 3, 60_000);
            case KEEP -> new Keep(seq);
            case REPLACE -> new Replace(seq, other);
            case REMOVE -> new Remove(seq);
            case UNLINK -> new Unlink(seq);
            case WALK -> new Walk(seq, other, 0.75, 3, 60_000, 0);
            case ADOPT -> new Adopt(seq);
            case HEARTBEAT -> Heartbeat.INSTANCE;
            case GOSSIP -> Gossip.create(other, 77, 4, new byte[PAYLOAD_BYTES]);
            case ACK -> new Ack(seq);
        };
    }

    /** Encodes the message into the scratch buffer; returns the datagram length. */
    @Benchmark
    public int encode() {
        scratch.clear();
        codec.encodeInto(sender, message, ids, scratch);
        return scratch.position();
    }

    /** Decodes the datagram; returns the decoded message and sender. */
    @Benchmark
    public Decoded decode() throws DecodeException {
        datagram.position(0);
        return codec.decode(datagram, ids);
    }
}
