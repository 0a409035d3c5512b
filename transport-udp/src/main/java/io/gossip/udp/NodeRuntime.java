package io.gossip.udp;

import io.gossip.protocol.Counters;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.ScampNode;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;
import io.gossip.udp.dtls.DtlsProtection;
import io.gossip.udp.dtls.DtlsStats;
import io.gossip.udp.security.DatagramProtection;
import io.gossip.udp.security.ProtectionException;
import io.gossip.udp.wire.DecodeException;
import io.gossip.udp.wire.Decoded;
import io.gossip.udp.wire.RejectReason;
import io.gossip.udp.wire.WireCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

/**
 * One live node on its event loop: the unmodified protocol core, its channel, its bounded outbound
 * queue, the optional impairment stage, and its transport counters. Confined to the loop thread;
 * {@link GossipNode} is the thread-safe face that hands work over.
 */
final class NodeRuntime {
    /**
     * Where a node's first sequence number comes from: never the seed, which a process restarted at
     * the same address (its earlier incarnation's id at its peers) may be given again (see the
     * protocol's package documentation, "First sequence numbers"). Drawn non-negative, so that a
     * message id ({@link MessageId#toString}) reads as origin#number until the numbers pass 2^31 - 1
     * and wrap, as any node's did before after 2^31 broadcasts.
     */
    private static final SecureRandom FIRST_SEQUENCES = new SecureRandom();
    private final EventLoop loop;
    private final DatagramChannel channel;
    private final PeerAddress self;
    private final int selfId;
    private final WireCodec codec;
    private final DatagramProtection protection;
    /** The protection again when it is DTLS, which also sends on its own and needs timers; else null. */
    private final DtlsProtection dtls;
    private final ScampNode core;
    private final Counters counters = new Counters();
    private final DeliveryListener listener;
    private final ListenerFailureLog listenerFailures;
    private final Impairment impairment;
    private final SplittableRandom impairmentRandom;
    private final long[] rejected = new long[RejectReason.count()];
    private final long[] transportDrops = new long[TransportDropReason.count()];
    private final SelectionKey key;
    private final OutboundQueue outbound;
    private final GracefulLeave gracefulLeave;
    private final JoinWatch joinWatch;
    private final ReachWatch reachWatch;
    private long datagramsReceived;
    private boolean open = true;
    /** The views as addresses when the node closed: its ids may be released and given again since. */
    private List<PeerAddress> partialViewAtClose;
    private List<PeerAddress> inViewAtClose;

    /** Creates the node and registers its channel with the loop's selector. Loop thread only. */
    NodeRuntime(EventLoop loop, DatagramChannel channel, PeerAddress self, ProtocolConfig config, long seed,
            DeliveryListener listener, WireCodec codec, DatagramProtection protection, int outboundCapacity,
            Impairment impairment) throws ClosedChannelException {
        this.loop = loop;
        this.channel = channel;
        this.self = self;
        this.codec = codec;
        this.protection = protection;
        this.listener = listener;
        this.listenerFailures = new ListenerFailureLog(self);
        this.impairment = impairment;
        this.impairmentRandom = impairment == null ? null : new SplittableRandom(impairment.seed());
        this.selfId = loop.ids().intern(self);
        this.core = new ScampNode(selfId, config, loop.environment(), new SplittableRandom(seed), counters,
                FIRST_SEQUENCES.nextInt(Integer.MAX_VALUE));
        this.gracefulLeave = new GracefulLeave(core, counters);
        this.joinWatch = new JoinWatch(core);
        this.reachWatch = new ReachWatch(core);
        loop.attach(selfId, this);
        this.key = channel.register(loop.selector(), SelectionKey.OP_READ, this);
        this.outbound = new OutboundQueue(this, channel, key, outboundCapacity, transportDrops);
        this.dtls = protection instanceof DtlsProtection d ? d : null;
        if (dtls != null) {
            dtls.attach(new NodeDtlsHost(this, loop));
        }
    }

    /** The DTLS layer's counters, or null if the node does not run DTLS. */
    DtlsStats dtlsStats() {
        return dtls == null ? null : dtls.stats();
    }

    PeerAddress self() {
        return self;
    }

    ScampNode core() {
        return core;
    }

    DatagramProtection protection() {
        return protection;
    }

    boolean isOpen() {
        return open;
    }

    /**
     * Hands {@code action} every id this node refers to: its own and its core's
     * ({@link ScampNode#forEachReferencedId}). Nothing else of the node holds an id: the watches,
     * the protection layers and the queues hold addresses. Loop thread only, between two calls
     * into the core.
     */
    void forEachReferencedId(IntConsumer action) {
        action.accept(selfId);
        core.forEachReferencedId(action);
    }

    // ------------------------------------------------------------------ inbound

    /** Reads up to {@code max} datagrams and hands each to the core. */
    void receive(ByteBuffer buffer, int max) {
        for (int i = 0; i < max && open; i++) {
            buffer.clear();
            InetSocketAddress source;
            try {
                source = (InetSocketAddress) channel.receive(buffer);
                if (source == null) {
                    return;
                }
            } catch (IOException e) {
                return; // e.g. an ICMP error surfaced on the socket; the next read goes on
            }
            buffer.flip();
            datagramsReceived++;
            onDatagram(buffer, source);
        }
    }

    private void onDatagram(ByteBuffer received, InetSocketAddress source) {
        ByteBuffer datagram = openInbound(received, source);
        if (datagram == null) {
            return;
        }
        Decoded decoded;
        try {
            decoded = codec.decode(datagram, loop.ids());
        } catch (DecodeException e) {
            rejected[e.reason().ordinal()]++;
            return;
        }
        if (dtls != null && !source.equals(loop.socketAddress(decoded.senderId()))) {
            dtls.countSenderMismatch(); // the session authenticates the source address, not the claimed one
            return;
        }
        long now = RealClock.nowMicros();
        reachWatch.onMessage(decoded.senderId(), decoded.message());
        try {
            core.onMessage(now, decoded.senderId(), decoded.message());
        } catch (RuntimeException e) {
            transportDrops[TransportDropReason.INTERNAL_ERROR.ordinal()]++;
        }
        afterCoreCall();
    }

    /**
     * The one place incoming bytes are opened ({@link DatagramProtection}): returns the plaintext
     * datagram for the codec, or null after counting why it was dropped.
     */
    private ByteBuffer openInbound(ByteBuffer received, InetSocketAddress source) {
        try {
            return protection.open(received, source);
        } catch (ProtectionException e) {
            transportDrops[e.reason().ordinal()]++;
            return null;
        }
    }

    /**
     * The one place outgoing bytes are sealed ({@link DatagramProtection}): returns the datagram to
     * put on the wire, or null after counting why it was dropped.
     */
    private ByteBuffer sealOutbound(ByteBuffer encoded, InetSocketAddress destination) {
        try {
            return protection.seal(encoded, destination);
        } catch (ProtectionException e) {
            transportDrops[e.reason().ordinal()]++;
            return null;
        }
    }

    void onTimeout(long nowMicros) {
        if (dtls != null) {
            try {
                dtls.onTimeout(nowMicros); // wake-ups are shared: a core one is a harmless early call here
            } catch (RuntimeException e) {
                transportDrops[TransportDropReason.INTERNAL_ERROR.ordinal()]++;
            }
        }
        try {
            core.onTimeout(nowMicros);
        } catch (RuntimeException e) {
            transportDrops[TransportDropReason.INTERNAL_ERROR.ordinal()]++;
        }
        afterCoreCall();
    }

    void afterCoreCall() {
        joinWatch.afterCoreCall();
        reachWatch.afterCoreCall();
        gracefulLeave.afterCoreCall();
    }

    /**
     * Refuses {@code action} unless the node is new (has neither joined, bootstrapped nor left).
     * Checked here rather than left to the core, whose messages name the node by its loop-local id.
     */
    void requireNew(String action) {
        requireOpen(action);
        if (core.isMember() || core.hasLeft()) {
            throw new IllegalStateException("cannot " + action + ": node " + self + " " + stateText()
                    + (core.hasLeft() ? " (a node that left cannot join again: start a new node)" : ""));
        }
    }

    /** Refuses {@code action} unless the node is a member, naming it by its address. */
    void requireMember(String action) {
        requireOpen(action);
        if (!core.isMember()) {
            throw new IllegalStateException("cannot " + action + ": node " + self + " " + stateText()
                    + (core.hasLeft() ? "" : " (join or bootstrap first)"));
        }
    }

    /**
     * Refuses {@code action} once the node is closed: a task handed over before {@link #closeOnLoop}
     * and run after it must not call into the core, whose id may have been given to another node
     * of the loop since.
     */
    private void requireOpen(String action) {
        if (!open) {
            throw new IllegalStateException("cannot " + action + ": node " + self + " is closed");
        }
    }

    private String stateText() {
        return core.hasLeft() ? "has left the group" : core.isMember() ? "is already a member" : "is new";
    }

    /**
     * Joins through {@code contact}. The future completes once the contact acknowledged the
     * subscription, or exceptionally with a {@link JoinFailedException} (see {@link JoinWatch}).
     */
    CompletableFuture<Void> join(PeerAddress contact) {
        requireNew("join");
        CompletableFuture<Void> joined = joinWatch.start(contact, loop.ids().intern(contact));
        gracefulLeave.afterCoreCall();
        return joined;
    }

    /** Completes once a member holds this node in its PartialView (see {@link ReachWatch}). */
    CompletableFuture<Void> reachable() {
        return reachWatch.future();
    }

    /**
     * Starts a graceful leave. The future completes once no goodbye awaits an acknowledgement:
     * true if all were acknowledged, false if some ran out of retransmissions (their receiver is
     * gone) or the node was closed first.
     */
    CompletableFuture<Boolean> leave() {
        requireMember("leave");
        CompletableFuture<Boolean> done = gracefulLeave.start();
        reachWatch.afterCoreCall();
        return done;
    }

    /**
     * Hands a message to the application. Whatever the listener throws is the application's bug,
     * counted and logged, and the node goes on: an {@link Error} too (an assertion in a listener
     * throws {@link AssertionError}, which ended the loop thread and closed every node on it), but
     * not a {@link VirtualMachineError} (out of memory, stack overflow), after which nothing is safe.
     */
    void deliver(Gossip message) {
        PeerAddress origin = loop.peer(message.origin());
        if (origin == null) {
            return; // counted by the loop: cannot happen, the origin was just decoded
        }
        MessageId id = new MessageId(origin, message.originSeq());
        try {
            listener.onDeliver(id, message.hops(), message.payload());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            transportDrops[TransportDropReason.LISTENER_FAILED.ordinal()]++;
            listenerFailures.failed(id, e);
        }
    }

    // ------------------------------------------------------------------ outbound

    /**
     * Encodes a message from the core, seals it, passes it through the impairment stage, queues it.
     * A destination or a named id without an address (released by a sweep that missed a reference:
     * a bug) is counted as an error of the loop and nothing is sent: never to another address.
     */
    void send(int to, Message message) {
        if (!open) {
            return;
        }
        InetSocketAddress destination = loop.socketAddress(to);
        if (destination == null) {
            return; // counted by the loop
        }
        ByteBuffer scratch = loop.encodeScratch();
        try {
            scratch.clear();
            codec.encodeInto(self, message, loop.ids(), scratch);
            scratch.flip();
        } catch (IllegalArgumentException e) {
            if (namesIdWithoutAddress(message)) {
                loop.countError();
            } else {
                transportDrops[TransportDropReason.ENCODE_FAILED.ordinal()]++;
            }
            return;
        }
        ByteBuffer datagram = sealOutbound(scratch, destination);
        if (datagram != null) {
            transmit(datagram, destination);
        }
    }

    private boolean namesIdWithoutAddress(Message message) {
        boolean[] without = {false};
        message.forEachNamedId(id -> without[0] |= !loop.ids().hasIdentity(id));
        return without[0];
    }

    /** Passes a datagram ready for the wire through the impairment stage and queues it. */
    void transmit(ByteBuffer datagram, InetSocketAddress destination) {
        if (!open) {
            return;
        }
        if (impairment != null) {
            if (impairmentRandom.nextDouble() < impairment.loss()) {
                transportDrops[TransportDropReason.IMPAIRMENT_LOSS.ordinal()]++;
                return;
            }
            long delayMillis = impairment.latencyMinMillis()
                    + impairmentRandom.nextLong(impairment.latencyMaxMillis() - impairment.latencyMinMillis() + 1);
            if (delayMillis > 0) {
                loop.sendAt(RealClock.nowMicros() + delayMillis * 1_000, this, datagram, destination);
                return;
            }
        }
        enqueue(datagram, destination);
    }

    /** Queues a datagram for the socket, dropping it if the bounded queue is full. */
    void enqueue(ByteBuffer datagram, InetSocketAddress to) {
        outbound.enqueue(datagram, to);
    }

    /** Writes queued datagrams until the socket would block; then waits for writability. */
    void flush() {
        outbound.flush();
    }

    // ------------------------------------------------------------------ lifecycle and metrics

    /** Stops the node without a leave: closes the channel, forgets queued datagrams. Idempotent. */
    void closeOnLoop() {
        if (!open) {
            return;
        }
        partialViewAtClose = addresses(core.partialView());
        inViewAtClose = addresses(core.inView());
        open = false;
        key.cancel();
        outbound.clear();
        if (dtls != null) {
            dtls.close();
        }
        loop.detach(selfId);
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more can be released
        }
        gracefulLeave.onClose();
        joinWatch.onClose();
        reachWatch.onClose();
    }

    NodeMetrics metrics() {
        return new NodeMetrics(self, core.isMember(), counters.snapshot(), rejected.clone(), transportDrops.clone(),
                outbound.datagramsSent(), datagramsReceived,
                open ? addresses(core.partialView()) : partialViewAtClose,
                open ? addresses(core.inView()) : inViewAtClose, core.unacknowledgedCount(), outbound.size());
    }

    /** The addresses of {@code ids}, leaving out (and counting, in the loop) any without one: a bug. */
    private List<PeerAddress> addresses(int[] ids) {
        List<PeerAddress> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            PeerAddress peer = loop.peer(id);
            if (peer != null) {
                out.add(peer);
            }
        }
        return out;
    }
}
