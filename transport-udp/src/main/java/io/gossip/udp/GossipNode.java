package io.gossip.udp;

import io.gossip.udp.dtls.DtlsProtection;
import io.gossip.udp.dtls.DtlsStats;
import io.gossip.udp.security.AeadProtection;
import io.gossip.udp.security.ClusterKey;
import io.gossip.udp.security.Keyring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A live gossip node: the SCAMP protocol core running over a UDP socket, ready to embed.
 *
 * <pre>{@code
 * GossipNode node = GossipNode.builder()
 *         .bind(PeerAddress.parse("127.0.0.1:7000"))
 *         .onDeliver((id, hops, payload) -> System.out.println(id + ": " + payload.length + " bytes"))
 *         .start();
 * node.join(PeerAddress.parse("127.0.0.1:7001")).get();   // or node.bootstrap() for the first node
 * node.reachable().get(5, TimeUnit.SECONDS);              // a member holds it: broadcasts reach it
 * node.broadcast("hello".getBytes(StandardCharsets.UTF_8));
 * node.leave(Duration.ofSeconds(2));
 * node.close();
 * }</pre>
 *
 * <p>Thread-safe: every method hands its work to the node's {@link EventLoop} thread, where the
 * single-threaded core runs. The blocking methods wait for the loop (at most
 * {@link #CALL_TIMEOUT_MILLIS}) and refuse to run on the loop thread itself (for example from a
 * {@link DeliveryListener}), where the {@code ...Async} variants must be used instead.
 *
 * <p>The futures this class returns are completed on the loop thread, so a stage chained to one
 * with {@code thenRun}, {@code thenApply} or {@code whenComplete} (rather than their
 * {@code ...Async} forms, or {@code get}) runs there too, unless the future had already completed
 * when the stage was chained (then it runs on the chaining thread): it must return quickly and may
 * not call the blocking methods. {@code node.join(contact).thenRun(() -> node.broadcast(payload))}
 * fails with an {@link IllegalStateException} whenever the acknowledgement arrives after
 * {@code join} returns (nearly always over a network, often on loopback), so it may pass a local
 * test and fail in production; use {@code broadcastAsync}, or {@code thenRunAsync}.
 */
public final class GossipNode implements AutoCloseable {
    /** Longest a blocking call waits for the event loop before giving up. */
    public static final long CALL_TIMEOUT_MILLIS = 30_000;
    private static final System.Logger KEYRING_LOG = System.getLogger("io.gossip.udp.security");

    private final EventLoop loop;
    private final boolean ownsLoop;
    private final NodeRuntime runtime;
    private final int maxPayloadBytes;
    private final int maxDatagramBytes;
    private final long seed;
    private final PeerAddress bound;
    private final int receiveBufferBytes;
    private volatile boolean closed;

    GossipNode(EventLoop loop, boolean ownsLoop, NodeRuntime runtime, int maxPayloadBytes, int maxDatagramBytes,
            long seed, PeerAddress bound, int receiveBufferBytes) {
        this.seed = seed;
        this.bound = bound;
        this.receiveBufferBytes = receiveBufferBytes;
        this.loop = loop;
        this.ownsLoop = ownsLoop;
        this.runtime = runtime;
        this.maxPayloadBytes = maxPayloadBytes;
        this.maxDatagramBytes = maxDatagramBytes;
    }

    /**
     * A builder with the defaults: {@code ProtocolConfig.defaults()}, 1,400-byte datagrams, own loop.
     *
     * @return a new builder; nothing is opened until its {@link GossipNodeBuilder#start()}
     */
    public static GossipNodeBuilder builder() {
        return new GossipNodeBuilder();
    }

    /**
     * The address this node advertises to its peers: the one given to
     * {@link GossipNodeBuilder#advertise}, else the bound address with its actual port.
     *
     * @return the address, never null or the wildcard; readable after {@link #close()} too
     */
    public PeerAddress address() {
        return runtime.self();
    }

    /** The node as its loop runs it (tests of this package). */
    NodeRuntime runtime() {
        return runtime;
    }

    /**
     * The local address its socket is bound to, with the port the operating system picked after
     * {@link GossipNodeBuilder#bindEphemeral}: what a port forward or relay in front of an
     * advertised address must send to. Equal to {@link #address()} unless an address was advertised.
     *
     * @return the address, never null; the wildcard address if the node was bound to it
     */
    public PeerAddress boundAddress() {
        return bound;
    }

    /**
     * The size of the socket's receive buffer as the kernel granted it when the node started: what
     * {@link GossipNodeBuilder#receiveBufferBytes} asked for, capped by the operating system (Linux:
     * at {@code net.core.rmem_max}), or the system's default. Java reads it without the kernel's own
     * overhead, so on Linux it is half of what {@code getsockopt} in C or {@code ss} shows.
     *
     * @return the buffer's size in bytes, as Java's {@code SO_RCVBUF} option reads it
     */
    public int receiveBufferBytes() {
        return receiveBufferBytes;
    }

    /**
     * The seed of this node's protocol random generator: the one given to the builder, or the one
     * drawn from {@code SecureRandom}. Print it to make a run's random choices reproducible.
     *
     * @return the seed, any long
     */
    public long seed() {
        return seed;
    }

    /**
     * The event loop running this node.
     *
     * @return the shared loop given to {@link GossipNodeBuilder#eventLoop}, or the node's own; never null
     */
    public EventLoop eventLoop() {
        return loop;
    }

    /**
     * The largest payload {@link #broadcast} accepts.
     *
     * @return the configuration's {@code ProtocolConfig.maxPayloadBytes()}, in bytes
     */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /**
     * Makes this node a group of one, for others to join through.
     *
     * @throws IllegalStateException if the node already joined, bootstrapped, left or was closed
     */
    public void bootstrap() {
        requireOpen();
        await(() -> loop.submit(() -> {
            runtime.requireNew("bootstrap");
            runtime.core().bootstrap(RealClock.nowMicros());
            runtime.afterCoreCall();
            return null;
        }));
    }

    /**
     * Joins the group that {@code contact} belongs to: sends it this node's subscription and
     * returns once it is sent. The node is a member from now on (it gossips to the contact at
     * once); whether the contact took the subscription in is the returned future's to tell.
     *
     * <p>The future completes normally when the contact acknowledges the subscription (or a member
     * keeps it). It completes exceptionally with a {@link JoinFailedException}, naming the contact,
     * the attempts and the time, when the subscription ran out of attempts unacknowledged: after
     * the whole retransmission schedule ({@code ProtocolConfig.maxAttempts()} transmissions, the
     * wait doubling from {@code retransmitTimeoutMillis}: 15.75 s with the defaults). A contact
     * that is down, unreachable or not a member looks the same as one running with another
     * cluster key, cluster label or certificate authority, whose datagrams are dropped unopened.
     * It also fails if the node leaves or is closed first. With {@code maxAttempts = 1} nothing is
     * acknowledged and the future completes at once.
     *
     * <p>A failed join leaves the node as the protocol does: a member holding the silent contact
     * in its PartialView, whose isolation recovery (with heartbeats on) keeps re-subscribing
     * through it, so a contact that comes back later is joined then. A node cannot join twice: to
     * try another contact, close this node and start a new one.
     *
     * <p>An acknowledged join does not yet make the node reachable: broadcasts reach it once a
     * member holds it in its PartialView, which {@link #reachable()} tells.
     *
     * <p>The future completes on the node's loop thread: see the class comment before chaining
     * stages to it.
     *
     * @param contact the address of a member of the group, not null; the node's own address family
     *     must reach it (see below)
     * @return completes when the join is acknowledged; see above for how it fails
     * @throws IllegalArgumentException if contact is the wildcard address or this node itself, or
     *     of an address family this node's socket cannot send to (an IPv4 socket reaches IPv4
     *     addresses only; an IPv6 one reaches IPv4 too only when bound to the wildcard [::])
     * @throws IllegalStateException if the node already joined, bootstrapped or left
     */
    public CompletableFuture<Void> join(PeerAddress contact) {
        Objects.requireNonNull(contact, "contact");
        if (contact.isWildcard()) {
            throw new IllegalArgumentException("cannot join through the wildcard address " + contact);
        }
        if (contact.equals(address())) {
            throw new IllegalArgumentException("node " + address() + " cannot join through itself");
        }
        if (!bound.canSendTo(contact)) {
            // Every datagram to it would fail to send: the join would wait out its whole schedule.
            throw new IllegalArgumentException("node " + address() + " is bound to " + (bound.isIpv6()
                    ? "a specific IPv6 address, which cannot send to the IPv4 contact "
                    : "an IPv4 address, which cannot send to the IPv6 contact ") + contact + ": bind it to "
                    + (bound.isIpv6() ? "an IPv4 address" : "an IPv6 address") + ", or to [::], which reaches both");
        }
        requireOpen();
        return await(() -> loop.submit(() -> runtime.join(contact)));
    }

    /**
     * Completes once broadcasts can reach this node: a member holds it in its PartialView and has
     * told it so (its InView is no longer empty), or, the node being a member, a heartbeat or gossip
     * message reached it (members send those along their PartialView arcs only: how a node restarted
     * at an address its peers still hold learns it is held). Gossip travels along PartialViews only, and a
     * joiner's subscription is forwarded from member to member until one keeps it, a few hops after
     * the contact acknowledged the join: a broadcast sent in between reaches every member but the
     * joiner, and nothing sends it again. Wait on this, on every node, before broadcasting to a
     * group that has just formed. The node that bootstrapped is reachable once the first node
     * joins through it. The node is reachable from then on as far as this future is concerned (its
     * InView may later shrink and grow again): a later call completes as soon as the loop answers.
     * It fails with an {@link IllegalStateException} if the node leaves or is closed first, and
     * completes on the node's loop thread.
     *
     * @return a future that completes (with null) once the node is reachable; each call returns another
     * @throws IllegalStateException if the node is closed
     */
    public CompletableFuture<Void> reachable() {
        requireOpen();
        return loop.submit(runtime::reachable).thenCompose(f -> f);
    }

    /**
     * Disseminates {@code payload} to the group; this node does not deliver it to itself.
     *
     * @param payload the bytes to send, not null, at most {@link #maxPayloadBytes()} long; copied
     *     before the call returns, so the caller may reuse the array
     * @return the message's identity: this node's address and its sequence number for the message,
     *     the one {@link DeliveryListener}s of the other nodes are given
     * @throws IllegalArgumentException if the payload exceeds {@link #maxPayloadBytes()}
     * @throws IllegalStateException if the node is not a member, or on the loop thread (where
     *     nothing is sent: use {@link #broadcastAsync})
     */
    public MessageId broadcast(byte[] payload) {
        return await(() -> broadcastAsync(payload));
    }

    /**
     * {@link #broadcast} without waiting; usable from a {@link DeliveryListener}. The payload is
     * checked (and copied) before this method returns; the future fails with an
     * {@link IllegalStateException} if the node is not a member when the loop gets to it.
     *
     * @param payload the bytes to send, not null, at most {@link #maxPayloadBytes()} long; copied
     *     before the call returns
     * @return completes with the message's identity once the loop has handed the message to the
     *     core, on the loop thread
     * @throws IllegalArgumentException if the payload exceeds {@link #maxPayloadBytes()}
     * @throws IllegalStateException if the node is closed
     */
    public CompletableFuture<MessageId> broadcastAsync(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > maxPayloadBytes) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds the limit of "
                    + maxPayloadBytes + " bytes (ProtocolConfig.maxPayloadBytes; one message per datagram of at most "
                    + maxDatagramBytes + " bytes, nothing is fragmented)");
        }
        requireOpen();
        byte[] copy = payload.clone();
        return loop.submit(() -> {
            runtime.requireMember("broadcast");
            long id = runtime.core().broadcast(RealClock.nowMicros(), copy);
            runtime.afterCoreCall();
            return new MessageId(address(), (int) id);
        });
    }

    /**
     * Leaves the group gracefully and waits until every goodbye is acknowledged or
     * {@code timeout} passes. The node keeps its socket (to retransmit) until {@link #close()}. The
     * leave goes on after a timeout (a zero or negative one returns at once): the result only says
     * whether it was complete in time.
     *
     * @param timeout how long to wait for the acknowledgements, not null; zero or negative does not
     *     wait for them (the call still waits for the loop to start the leave)
     * @return true if every unsubscription message was acknowledged in time
     * @throws IllegalStateException if the node is not a member, or on the loop thread
     */
    public boolean leave(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        requireOffLoop();
        requireOpen();
        CompletableFuture<Boolean> done = await(() -> loop.submit(runtime::leave));
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("leave failed", e.getCause());
        }
    }

    /**
     * Starts a graceful leave without waiting. The future completes when every goodbye is
     * acknowledged (true) or the node is closed first (false unless everything was acknowledged),
     * or exceptionally with an {@link IllegalStateException} if the node is not a member. Unlike
     * {@link #leave}, it sets no time limit: bound the wait with {@code orTimeout} or
     * {@code get(timeout, unit)}.
     *
     * @return a future of whether every goodbye was acknowledged, completed on the loop thread
     * @throws IllegalStateException if the node is closed
     */
    public CompletableFuture<Boolean> leaveAsync() {
        requireOpen();
        return loop.submit(runtime::leave).thenCompose(done -> done);
    }

    /**
     * A snapshot of the node's counters and views. After {@link #close()} it still answers, with the
     * figures the node had when it closed (its views as it left them), whichever loop it ran on.
     *
     * @return a new snapshot, never null
     * @throws IllegalStateException on the loop thread (use {@link #metricsAsync()}), or if the loop
     *     does not answer within {@link #CALL_TIMEOUT_MILLIS}
     */
    public NodeMetrics metrics() {
        return await(this::metricsAsync);
    }

    /**
     * Datagrams the kernel dropped at this node's socket because its receive buffer was full: the
     * event loop fell behind, and what arrived meanwhile never reached the transport, so
     * {@link #metrics()} cannot count it. Read from Linux's socket table on the caller's thread (see
     * {@link KernelReceiveDrops}, which also serves many nodes with one read).
     *
     * @return the count since the node started; empty if the table cannot be read (not Linux), or
     *     once the node is closed, when its port may belong to another socket
     */
    public OptionalLong kernelReceiveDrops() {
        if (isClosed()) {
            return OptionalLong.empty();
        }
        return KernelReceiveDrops.read().of(bound);
    }

    /**
     * {@link #metrics()} without waiting.
     *
     * @return a future completed with a new snapshot on the loop thread, or at once on the caller's
     *     thread if the loop has ended
     */
    public CompletableFuture<NodeMetrics> metricsAsync() {
        return loop.submitOrRunIfEnded(runtime::metrics);
    }

    /**
     * {@link #metricsAsync()} of many nodes at once, with one task per event loop instead of one
     * per node: the nodes sharing a loop are read together, between two of its rounds of socket
     * reads. A loop runs a bounded number of handed-over tasks per round, so under load a thousand
     * separate requests wait for dozens of rounds, and a batch for one.
     *
     * @param nodes the nodes to read, on any loops, open or closed
     * @return completes with their snapshots in the order given
     * @throws NullPointerException if the list or one of its nodes is null
     */
    public static CompletableFuture<List<NodeMetrics>> metricsOf(List<GossipNode> nodes) {
        List<GossipNode> asked = List.copyOf(nodes); // the loops read it: the caller may change its list
        NodeMetrics[] out = new NodeMetrics[asked.size()];
        Map<EventLoop, List<Integer>> byLoop = new IdentityHashMap<>();
        for (int i = 0; i < out.length; i++) {
            byLoop.computeIfAbsent(asked.get(i).loop, l -> new ArrayList<>()).add(i);
        }
        List<CompletableFuture<Void>> parts = new ArrayList<>(byLoop.size());
        byLoop.forEach((loop, indices) -> parts.add(loop.submitOrRunIfEnded(() -> {
            for (int i : indices) {
                out[i] = asked.get(i).runtime.metrics();
            }
            return null;
        })));
        // Completing the futures publishes what the loops wrote into out.
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> List.of(out));
    }

    /**
     * The DTLS session layer's counters (handshakes, sessions, evictions, refusals), or null if
     * the node was not built with {@link GossipNodeBuilder#dtls}. Like {@link #metrics()}, still
     * readable after {@link #close()}.
     *
     * @return a new snapshot, or null for a node without DTLS
     */
    public DtlsStats dtlsStats() {
        return await(() -> loop.submitOrRunIfEnded(runtime::dtlsStats));
    }

    // ------------------------------------------------------------------ keyring

    /**
     * Whether this node seals its datagrams (it was built with a keyring).
     *
     * @return true with a keyring or DTLS, false in plaintext
     */
    public boolean isSealing() {
        return runtime.protection().isSealing();
    }

    /**
     * The keyring in force now.
     *
     * @return the keyring, never null; it changes only through the methods below
     * @throws IllegalStateException if the node runs without a keyring (plaintext, or DTLS)
     */
    public Keyring keyring() {
        return aead().keyring();
    }

    /**
     * Installs {@code key}: datagrams sealed with it open from now on; this node still seals with
     * its primary key. First step of a rotation, done on every node.
     *
     * @param key the key to install, not null; installing an installed key changes nothing
     * @throws IllegalArgumentException if a different key with the same id is installed or the keyring is full
     * @throws IllegalStateException if the node runs without a keyring, or on the loop thread
     */
    public void installKey(ClusterKey key) {
        Objects.requireNonNull(key, "key");
        changeKeyring(ring -> ring.withInstalled(key));
    }

    /**
     * Seals with the installed key {@code keyId} from the next datagram on. Second step of a
     * rotation, once every node has installed the key.
     *
     * @param keyId the id of an installed key ({@link ClusterKey#id()})
     * @throws IllegalArgumentException if no installed key has that id
     * @throws IllegalStateException if the node runs without a keyring, or on the loop thread
     */
    public void makePrimary(int keyId) {
        changeKeyring(ring -> ring.withPrimary(keyId));
    }

    /**
     * Removes the key {@code keyId}: datagrams sealed with it are dropped as
     * {@link TransportDropReason#UNKNOWN_KEY} from now on. Last step of a rotation, once every node
     * seals with the new key.
     *
     * @param keyId the id of an installed key other than the primary ({@link ClusterKey#id()})
     * @throws IllegalArgumentException if it is the primary key or not installed
     * @throws IllegalStateException if the node runs without a keyring, or on the loop thread
     */
    public void removeKey(int keyId) {
        changeKeyring(ring -> ring.without(keyId));
    }

    /**
     * Replaces the whole keyring at once (for example after re-reading a key file).
     *
     * @param keyring the new keyring, not null; its primary seals from the next datagram on
     * @throws IllegalStateException if the node runs without a keyring, or on the loop thread
     */
    public void replaceKeyring(Keyring keyring) {
        Objects.requireNonNull(keyring, "keyring");
        changeKeyring(ring -> keyring);
    }

    /** Computes and installs the next keyring on the loop thread, so no datagram sees half a change. */
    private void changeKeyring(UnaryOperator<Keyring> change) {
        AeadProtection aead = aead();
        requireOpen();
        Keyring next = await(() -> loop.submit(() -> {
            Keyring changed = change.apply(aead.keyring());
            aead.replaceKeyring(changed);
            return changed;
        }));
        KEYRING_LOG.log(System.Logger.Level.INFO, "node {0}: {1}", address(), next);
    }

    private AeadProtection aead() {
        if (runtime.protection() instanceof AeadProtection aead) {
            return aead;
        }
        if (runtime.protection() instanceof DtlsProtection) {
            throw new IllegalStateException("node " + address() + " runs DTLS with certificates: it has no "
                    + "shared-key keyring (see dtlsStats())");
        }
        throw new IllegalStateException("node " + address() + " runs without a keyring (plaintext)");
    }

    /**
     * Whether the node is closed: {@link #close()} was called, or its event loop was closed, which
     * closes every node still on it ({@link EventLoop#close()}).
     *
     * @return true once closed; a closed node never opens again
     */
    public boolean isClosed() {
        return closed || !loop.isRunning();
    }

    /**
     * Stops the node at once, without leaving (peers see it as failed): closes its socket and, if
     * the node created its own event loop, stops that loop's thread. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsLoop) {
            loop.close();
        } else if (loop.inLoop()) {
            runtime.closeOnLoop();
        } else if (loop.isRunning()) {
            try {
                loop.submit(() -> {
                    runtime.closeOnLoop();
                    loop.releaseCancelledKeys();
                    return null;
                }).get(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | IllegalStateException e) {
                // the loop is shutting down, and closes every node it still has
            }
        }
    }

    private void requireOpen() {
        if (isClosed()) {
            throw new IllegalStateException("node " + address() + " is closed");
        }
    }

    private void requireOffLoop() {
        if (loop.inLoop()) {
            throw new IllegalStateException("blocking call on the event-loop thread; use the ...Async variant");
        }
    }

    /**
     * Hands work to the loop and waits for it. The loop-thread check comes first, before the
     * work is submitted: a refused call must not happen anyway (a broadcast from a delivery
     * listener was sent once although the call threw).
     */
    private <T> T await(Supplier<CompletableFuture<T>> submit) {
        requireOffLoop();
        CompletableFuture<T> future = submit.get();
        try {
            return future.get(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("event loop " + loop.threadName() + " did not answer in "
                    + CALL_TIMEOUT_MILLIS + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the event loop", e);
        }
    }

    @Override
    public String toString() {
        return "GossipNode[" + address() + (isClosed() ? ", closed" : "") + "]";
    }
}
