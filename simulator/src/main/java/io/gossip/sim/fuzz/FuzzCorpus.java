package io.gossip.sim.fuzz;

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
import io.gossip.udp.wire.WireCodec;
import io.gossip.udp.wire.WireFormat;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Real encoded messages of every type, the seeds the fuzzer mutates. Each is encoded by the
 * transport's own {@link WireCodec}, as sent by the fuzzer's socket (the fuzzer speaks as itself:
 * forging members' addresses is the subject of authentication, not of decoding), naming the
 * cluster's nodes where a type carries a second address. Field values are drawn from the seed,
 * with the boundaries (0, the largest values, empty and full payloads) always included, plus one
 * gossip from a peer configured with a larger payload limit than the receiver's.
 */
public final class FuzzCorpus {
    /** Messages of each type in the corpus. */
    public static final int PER_TYPE = 4;

    private final List<byte[]> datagrams;

    private FuzzCorpus(List<byte[]> datagrams) {
        this.datagrams = List.copyOf(datagrams);
    }

    /**
     * Builds the corpus.
     *
     * @param sender the fuzzer's own address, the sender of every message
     * @param named addresses the messages may name (subscribers, replacements, gossip origins)
     */
    public static FuzzCorpus build(WireCodec codec, PeerAddress sender, List<PeerAddress> named,
            SplittableRandom random) {
        Objects.requireNonNull(sender, "sender");
        if (named.isEmpty()) {
            throw new IllegalArgumentException("the corpus needs at least one address to name");
        }
        IdTable<PeerAddress> ids = new IdTable<>();
        List<byte[]> out = new ArrayList<>();
        Set<MessageType> covered = EnumSet.noneOf(MessageType.class);
        for (int i = 0; i < PER_TYPE; i++) {
            boolean extreme = i == 0;
            int id = ids.intern(named.get(random.nextInt(named.size())));
            int seq = extreme ? Integer.MAX_VALUE : 1 + random.nextInt(1_000);
            int hops = extreme ? Integer.MAX_VALUE : random.nextInt(10);
            int lease = extreme ? Integer.MAX_VALUE : random.nextInt(2) * 60_000;
            int copies = extreme ? 65_535 : random.nextInt(3);
            int payloadBytes = switch (i) {
                case 0 -> codec.maxPayloadBytes();
                case 1 -> 0;
                default -> random.nextInt(codec.maxPayloadBytes() + 1);
            };
            byte[] payload = new byte[payloadBytes];
            random.nextBytes(payload);
            for (Message m : List.of(new Subscribe(seq, lease, copies), new ForwardedSubscription(seq, id, hops, lease),
                    new Keep(seq), new Replace(seq, id), new Remove(seq), new Unlink(seq),
                    new Walk(seq, id, extreme ? Double.MAX_VALUE : random.nextDouble(), hops, lease, copies),
                    Heartbeat.INSTANCE, Gossip.create(id, seq, hops, payload), new Ack(seq), new Adopt(seq))) {
                ByteBuffer encoded = codec.encode(sender, m, ids);
                byte[] bytes = new byte[encoded.remaining()];
                encoded.get(bytes);
                out.add(bytes);
                covered.add(m.type());
            }
        }
        // A peer whose payload limit exceeds ours sends what fits its datagrams.
        int largerPayload = WireFormat.maxPayloadFor(codec.maxDatagramBytes());
        if (largerPayload > codec.maxPayloadBytes()) {
            WireCodec larger = new WireCodec(codec.maxDatagramBytes(), largerPayload);
            ByteBuffer encoded = larger.encode(sender, Gossip.create(ids.intern(named.get(0)), random.nextInt(),
                    0, new byte[largerPayload]), ids);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            out.add(bytes);
        }
        if (!covered.equals(EnumSet.allOf(MessageType.class))) {
            throw new IllegalStateException("the corpus lacks message types " + EnumSet.complementOf(
                    EnumSet.copyOf(covered)));
        }
        return new FuzzCorpus(out);
    }

    /** Number of datagrams in the corpus. */
    public int size() {
        return datagrams.size();
    }

    /** Datagram {@code i} (a copy). */
    public byte[] datagram(int i) {
        return datagrams.get(i).clone();
    }
}
