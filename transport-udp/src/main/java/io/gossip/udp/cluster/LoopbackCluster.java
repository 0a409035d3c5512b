package io.gossip.udp.cluster;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.EventLoop;
import io.gossip.udp.GossipNode;
import io.gossip.udp.GossipNodeBuilder;
import io.gossip.udp.Impairment;
import io.gossip.udp.KernelReceiveDrops;
import io.gossip.udp.MessageId;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.PeerAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * N live nodes on loopback ports of this process, sharing a few event-loop threads: the harness
 * behind live experiments and the transport's integration tests.
 *
 * <p>Node {@code i} binds 127.0.0.1 on an ephemeral port and runs on loop {@code i mod loops}. Its
 * protocol seed (and its impairment seed, if any) are drawn in order from one
 * {@link SplittableRandom} seeded with the cluster's root seed. Every node records its deliveries
 * in a {@link DeliveryLog}, from which {@link #coverage} is computed. Operations: join, broadcast,
 * crash (close without leaving), graceful leave.
 */
public final class LoopbackCluster implements AutoCloseable {
    /**
     * How a cluster is built. Impairment may be null (no impairment).
     *
     * @param size number of nodes, {@code >= 1}
     * @param protocol every node's protocol configuration, not null
     * @param loopThreads number of event-loop threads the nodes share, {@code >= 1}
     * @param rootSeed the seed every node's protocol and impairment seeds are drawn from
     * @param impairment loss and latency added to every node's outgoing datagrams (each node with a
     *     seed of its own), or null for none
     * @param receiveBufferBytes the receive buffer every node's socket asks for (see
     *     {@link io.gossip.udp.GossipNodeBuilder#receiveBufferBytes}), or 0 for the system's default
     */
    public record Options(int size, ProtocolConfig protocol, int loopThreads, long rootSeed, Impairment impairment,
            int receiveBufferBytes) {
        /**
         * Checks the sizes and the configuration.
         *
         * @param size number of nodes, {@code >= 1}
         * @param protocol every node's protocol configuration, not null
         * @param loopThreads number of event-loop threads, {@code >= 1}
         * @param rootSeed any long
         * @param impairment the impairment, or null
         * @param receiveBufferBytes 0, or from {@link io.gossip.udp.GossipNodeBuilder#MIN_RECEIVE_BUFFER_BYTES}
         *     to {@link io.gossip.udp.GossipNodeBuilder#MAX_RECEIVE_BUFFER_BYTES}
         * @throws IllegalArgumentException if {@code size} or {@code loopThreads} is below 1, or
         *     {@code receiveBufferBytes} is outside its range
         * @throws NullPointerException if {@code protocol} is null
         */
        public Options {
            if (size < 1) {
                throw new IllegalArgumentException("size must be >= 1, got " + size);
            }
            if (loopThreads < 1) {
                throw new IllegalArgumentException("loopThreads must be >= 1, got " + loopThreads);
            }
            if (receiveBufferBytes != 0) {
                GossipNode.builder().receiveBufferBytes(receiveBufferBytes); // its range check and message
            }
            Objects.requireNonNull(protocol, "protocol");
        }

        /**
         * Options with each node's socket on the system's default receive buffer.
         *
         * @param size number of nodes, {@code >= 1}
         * @param protocol every node's protocol configuration, not null
         * @param loopThreads number of event-loop threads, {@code >= 1}
         * @param rootSeed any long
         * @param impairment the impairment, or null
         * @throws IllegalArgumentException if {@code size} or {@code loopThreads} is below 1
         * @throws NullPointerException if {@code protocol} is null
         */
        public Options(int size, ProtocolConfig protocol, int loopThreads, long rootSeed, Impairment impairment) {
            this(size, protocol, loopThreads, rootSeed, impairment, 0);
        }
    }

    private final List<EventLoop> loops = new ArrayList<>();
    private final List<GossipNode> nodes = new ArrayList<>();
    private final List<DeliveryLog> logs = new ArrayList<>();
    private final Map<MessageId, Long> broadcastNanos = new ConcurrentHashMap<>();
    private final boolean[] alive;
    private final long startNanos = System.nanoTime();

    private LoopbackCluster(int size) {
        alive = new boolean[size];
    }

    /**
     * Starts every node (none has joined yet: see {@link #joinAll()}).
     *
     * @param options the size, configuration, threads, seed and impairment, not null
     * @return the running cluster; close it when done
     * @throws IOException if a socket or selector cannot be opened (or, checked first, the process
     *     may not open enough file descriptors for them all); everything opened so far is closed
     */
    public static LoopbackCluster start(Options options) throws IOException {
        String shortfall = DescriptorBudget.shortfall(options.size(), options.loopThreads());
        if (shortfall != null) {
            throw new IOException(shortfall);
        }
        LoopbackCluster cluster = new LoopbackCluster(options.size());
        try {
            for (int l = 0; l < options.loopThreads(); l++) {
                cluster.loops.add(EventLoop.start("cluster-" + l));
            }
            SplittableRandom seeds = new SplittableRandom(options.rootSeed());
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            for (int i = 0; i < options.size(); i++) {
                DeliveryLog log = new DeliveryLog();
                long nodeSeed = seeds.nextLong();
                long impairmentSeed = seeds.nextLong();
                GossipNodeBuilder builder = GossipNode.builder();
                if (options.receiveBufferBytes() != 0) {
                    builder.receiveBufferBytes(options.receiveBufferBytes());
                }
                GossipNode node = builder
                        .bindEphemeral(loopback)
                        .protocol(options.protocol())
                        .seed(nodeSeed)
                        .impairment(options.impairment() == null ? null : options.impairment().withSeed(impairmentSeed))
                        .eventLoop(cluster.loops.get(i % options.loopThreads()))
                        .onDeliver((id, hops, payload) -> log.record(id, cluster.elapsedNanos(), hops))
                        .insecure() // loopback experiments: plaintext on purpose, said once at INFO
                        .start();
                cluster.nodes.add(node);
                cluster.logs.add(log);
                cluster.alive[i] = true;
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Number of nodes started, alive or not.
     *
     * @return {@code options.size()}
     */
    public int size() {
        return nodes.size();
    }

    /**
     * Node {@code i}.
     *
     * @param i the node's index, in [0, {@link #size()})
     * @return the node, crashed or left ones included
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public GossipNode node(int i) {
        return nodes.get(i);
    }

    /**
     * The address of node {@code i}.
     *
     * @param i the node's index, in [0, {@link #size()})
     * @return its advertised address: 127.0.0.1 and the port it was given
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public PeerAddress address(int i) {
        return nodes.get(i).address();
    }

    /**
     * Whether node {@code i} has neither crashed nor left.
     *
     * @param i the node's index, in [0, {@link #size()})
     * @return false once {@link #crash}, {@link #leave} or {@link #leaveAsync} was called for it
     */
    public boolean isAlive(int i) {
        return alive[i];
    }

    /** Node 0 bootstraps the group; every other node joins through node 0, all at once. */
    public void joinAll() {
        joinAll(Duration.ZERO);
    }

    /**
     * Node 0 bootstraps the group; every other node joins through node 0, one every
     * {@code spacing}. Joins that all land at once are each handled while the group is still tiny,
     * so views end up smaller than SCAMP's (c+1)·ln n; spacing them out (a few milliseconds on
     * loopback) lets each subscription spread through the group as it is when it arrives.
     *
     * @param spacing the time between two joins, not null; zero or negative joins all at once
     */
    public void joinAll(Duration spacing) {
        nodes.get(0).bootstrap();
        long spacingNanos = spacing.toNanos();
        long next = System.nanoTime();
        for (int i = 1; i < nodes.size(); i++) {
            if (spacingNanos > 0) {
                next += spacingNanos;
                long wait;
                while ((wait = next - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait); // pacing, not waiting for a condition
                }
            }
            join(i, 0);
        }
    }

    /**
     * Node {@code i} joins through node {@code contact}.
     * Returns once the subscription is sent, without waiting for its acknowledgement.
     *
     * @param i the joining node's index
     * @param contact the index of a member, not {@code i}
     * @throws IllegalStateException if node {@code i} already joined, bootstrapped or left
     */
    public void join(int i, int contact) {
        nodes.get(i).join(address(contact));
    }

    /**
     * Node {@code i} broadcasts {@code payload}; the time is recorded for {@link #broadcastElapsedNanos}.
     *
     * @param i the index of a member
     * @param payload the bytes to send, not null, at most the configuration's {@code maxPayloadBytes}
     * @return the message's identity
     * @throws IllegalStateException if node {@code i} is not a member
     */
    public MessageId broadcast(int i, byte[] payload) {
        long before = elapsedNanos();
        MessageId id = nodes.get(i).broadcast(payload);
        broadcastNanos.put(id, before);
        return id;
    }

    /**
     * Node {@code i} broadcasts {@code payload} without waiting for its event loop, so a caller can
     * send faster than one loop round trip per message; the sending time is taken before the
     * message is handed to the loop and recorded for {@link #broadcastElapsedNanos} when the id is
     * known.
     *
     * @param i the index of a member
     * @param payload the bytes to send, not null, at most the configuration's {@code maxPayloadBytes}
     * @return completes with the message's identity, on the node's loop thread
     */
    public CompletableFuture<MessageId> broadcastAsync(int i, byte[] payload) {
        long before = elapsedNanos();
        return nodes.get(i).broadcastAsync(payload).thenApply(id -> {
            broadcastNanos.put(id, before);
            return id;
        });
    }

    /**
     * When {@code id} was broadcast through {@link #broadcast}, in nanoseconds since the cluster
     * started (the clock of {@link DeliveryLog.Receipt#elapsedNanos()}), or -1 if unknown. A
     * wall-clock figure: subtract it from a receipt time to get that node's delivery latency.
     *
     * @param id a message id, not null
     * @return the time in nanoseconds, or -1
     */
    public long broadcastElapsedNanos(MessageId id) {
        return broadcastNanos.getOrDefault(id, -1L);
    }

    /**
     * Nanoseconds since the cluster started, on the clock of {@link DeliveryLog.Receipt#elapsedNanos()}
     * and {@link #broadcastElapsedNanos}: a wall-clock figure.
     *
     * @return the time in nanoseconds, {@code >= 0}
     */
    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /**
     * What the cluster's event loops caught and survived since they started, added up
     * ({@link EventLoop#errorCount()}): exceptions and references to released ids, which are bugs.
     *
     * @return the count, {@code >= 0}; 0 in a healthy run; readable from any thread
     */
    public long loopErrors() {
        long total = 0;
        for (EventLoop loop : loops) {
            total += loop.errorCount();
        }
        return total;
    }

    /**
     * Node {@code i} fails silently: its socket closes, nobody is told.
     *
     * @param i the node's index; crashing a node twice does nothing more
     */
    public void crash(int i) {
        alive[i] = false;
        nodes.get(i).close();
    }

    /**
     * Node {@code i} leaves gracefully (waiting up to {@code timeout} for acknowledgements), then
     * closes.
     *
     * @param i the index of a member
     * @param timeout how long to wait for the acknowledgements, not null
     * @return whether every unsubscription message was acknowledged in time
     * @throws IllegalStateException if node {@code i} is not a member
     */
    public boolean leave(int i, Duration timeout) {
        alive[i] = false;
        boolean acknowledged = nodes.get(i).leave(timeout);
        nodes.get(i).close();
        return acknowledged;
    }

    /**
     * Node {@code i} starts leaving gracefully without waiting: it counts as gone from now on (for
     * {@link #coverage} and {@link #liveMetrics}) but keeps its socket, to retransmit its goodbyes
     * and answer late senders, until {@link #crash} or {@link #close()}.
     *
     * @param i the index of a member
     * @return completes with true once every unsubscription message is acknowledged (false if the
     *     node is closed first); completes exceptionally if the node was not a member
     */
    public CompletableFuture<Boolean> leaveAsync(int i) {
        alive[i] = false;
        return nodes.get(i).leaveAsync();
    }

    /**
     * What node {@code i} delivered.
     *
     * @param i the node's index, in [0, {@link #size()})
     * @return the node's log, live: it grows as the node delivers
     */
    public DeliveryLog deliveries(int i) {
        return logs.get(i);
    }

    /**
     * Fraction of the live nodes other than the origin that delivered {@code id}.
     *
     * @param id a message id, not null
     * @return a value in [0, 1]; 1 if no live node but the origin is left
     */
    public double coverage(MessageId id) {
        int eligible = 0;
        int reached = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (alive[i] && !address(i).equals(id.origin())) {
                eligible++;
                if (logs.get(i).delivered(id)) {
                    reached++;
                }
            }
        }
        return eligible == 0 ? 1.0 : (double) reached / eligible;
    }

    /**
     * Waits until {@link #coverage} of {@code id} reaches {@code fraction}; false on timeout.
     *
     * @param id a message id, not null
     * @param fraction the coverage wanted, in [0, 1]
     * @param timeout how long to wait at most, not null
     * @return true once reached, false if the timeout passed (or the thread was interrupted)
     */
    public boolean awaitCoverage(MessageId id, double fraction, Duration timeout) {
        return awaitCondition(() -> coverage(id) >= fraction, timeout);
    }

    /**
     * Metrics of every live node, in node order.
     *
     * @return a new list, one snapshot per live node
     */
    public List<NodeMetrics> liveMetrics() {
        List<GossipNode> live = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (alive[i]) {
                live.add(nodes.get(i));
            }
        }
        return GossipNode.metricsOf(live).join();
    }

    /**
     * Datagrams the kernel dropped at the sockets of the nodes still open, from one read of its
     * socket tables ({@link KernelReceiveDrops}): what full receive buffers cost while the event
     * loops fell behind.
     *
     * @return the sum since each node started; empty where the tables cannot be read (not Linux) or
     *     a node's socket cannot be told apart from another one bound to the same address
     */
    public OptionalLong kernelReceiveDrops() {
        KernelReceiveDrops table = KernelReceiveDrops.read();
        long total = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).isClosed()) {
                OptionalLong drops = table.of(nodes.get(i).boundAddress());
                if (drops.isEmpty()) {
                    return OptionalLong.empty();
                }
                total += drops.getAsLong();
            }
        }
        return OptionalLong.of(total);
    }

    /**
     * Waits until every live node is a member with a non-empty PartialView and InView and no
     * membership message awaiting an acknowledgement: joins have settled. False on timeout.
     *
     * @param timeout how long to wait at most, not null
     * @return true once settled, false if the timeout passed (or the thread was interrupted)
     */
    public boolean awaitSettled(Duration timeout) {
        return awaitCondition(() -> liveMetrics().stream().allMatch(m -> m.member() && m.unacknowledged() == 0
                && m.partialViewSize() > 0 && m.inViewSize() > 0), timeout);
    }

    /**
     * Polls {@code condition} every 20 ms until it holds or {@code timeout} passes.
     *
     * @param condition the check, called on this thread, not null
     * @param timeout how long to wait at most, not null; the condition is checked at least once
     * @return true once the condition holds, false if the timeout passed or the thread was interrupted
     *     (its interrupt flag is then set again)
     */
    public static boolean awaitCondition(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Stops every loop thread, which closes every node on it, then marks each node closed. Loops
     * go first: closing thousands of nodes one by one would wait a loop round trip per node, which
     * takes minutes when the loops are saturated.
     */
    @Override
    public void close() {
        for (EventLoop loop : loops) {
            loop.close();
        }
        for (GossipNode node : nodes) {
            node.close();
        }
    }
}
