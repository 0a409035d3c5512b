package io.gossip.udp;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.wire.WireCodec;
import io.gossip.udp.wire.WireFormat;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Configures and starts a {@link GossipNode}. Only {@link #bind} (or {@link #bindEphemeral}) is
 * required; everything else has a documented default.
 */
public final class GossipNodeBuilder {
    /** Default capacity of a node's outbound queue, in datagrams. */
    public static final int DEFAULT_OUTBOUND_QUEUE_CAPACITY = 4_096;

    private InetAddress bindIp;
    private int bindPort = -1;
    private PeerAddress advertised;
    private ProtocolConfig config = ProtocolConfig.defaults();
    private DeliveryListener listener = (id, hops, payload) -> { };
    private EventLoop loop;
    private Long seed;
    private int maxDatagramBytes = WireFormat.DEFAULT_MAX_DATAGRAM_BYTES;
    private int outboundQueueCapacity = DEFAULT_OUTBOUND_QUEUE_CAPACITY;
    private Impairment impairment;

    GossipNodeBuilder() {
    }

    /** Binds the node's socket to exactly this address and port (the wildcard address is allowed). */
    public GossipNodeBuilder bind(PeerAddress address) {
        Objects.requireNonNull(address, "address");
        bindIp = address.ip();
        bindPort = address.port();
        return this;
    }

    /** Binds to {@code ip} on a port the operating system picks; read it from {@link GossipNode#address()}. */
    public GossipNodeBuilder bindEphemeral(InetAddress ip) {
        bindIp = Objects.requireNonNull(ip, "ip");
        bindPort = 0;
        return this;
    }

    /**
     * The address to tell peers, when it differs from the bound one: required when binding to the
     * wildcard address, since a peer cannot reach "0.0.0.0".
     */
    public GossipNodeBuilder advertise(PeerAddress address) {
        Objects.requireNonNull(address, "address");
        if (address.isWildcard()) {
            throw new IllegalArgumentException("cannot advertise the wildcard address " + address);
        }
        advertised = address;
        return this;
    }

    /** The protocol configuration; default {@link ProtocolConfig#defaults()}. */
    public GossipNodeBuilder protocol(ProtocolConfig value) {
        config = Objects.requireNonNull(value, "config");
        return this;
    }

    /** Where delivered messages go (on the loop thread); default: nowhere. */
    public GossipNodeBuilder onDeliver(DeliveryListener value) {
        listener = Objects.requireNonNull(value, "listener");
        return this;
    }

    /**
     * Runs the node on a shared loop; {@code null} (the default) gives the node its own loop,
     * stopped by {@link GossipNode#close()}. A shared loop outlives its nodes: close it yourself.
     */
    public GossipNodeBuilder eventLoop(EventLoop value) {
        loop = value;
        return this;
    }

    /** Seed of the node's protocol random generator; default: drawn from {@link SecureRandom}. */
    public GossipNodeBuilder seed(long value) {
        seed = value;
        return this;
    }

    /** Largest datagram sent or accepted; default 1,400 bytes. */
    public GossipNodeBuilder maxDatagramBytes(int value) {
        maxDatagramBytes = value;
        return this;
    }

    /** Datagrams the node may hold while its socket is busy; more are dropped and counted. */
    public GossipNodeBuilder outboundQueueCapacity(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("outboundQueueCapacity must be >= 1, got " + value);
        }
        outboundQueueCapacity = value;
        return this;
    }

    /**
     * Enables the testing impairment stage on this node's outgoing datagrams (off by default).
     * Pass {@code null} to switch it off again.
     */
    public GossipNodeBuilder impairment(Impairment value) {
        impairment = value;
        return this;
    }

    /**
     * Opens and binds the socket and starts the node on its loop. The node is not a member yet:
     * call {@link GossipNode#bootstrap()} or {@link GossipNode#join}.
     *
     * @throws IOException if the socket cannot be opened or bound
     * @throws IllegalArgumentException if the configuration is inconsistent (for example a payload
     *     limit that does not fit the datagram limit, or a wildcard bind without an advertised address)
     * @throws IllegalStateException if no bind address was given or the shared loop is closed
     */
    public GossipNode start() throws IOException {
        if (bindIp == null) {
            throw new IllegalStateException("call bind(...) or bindEphemeral(...) before start()");
        }
        WireCodec codec = new WireCodec(maxDatagramBytes, config.maxPayloadBytes());
        if (loop != null && !loop.isRunning()) {
            throw new IllegalStateException("the shared event loop is closed");
        }
        long nodeSeed = seed != null ? seed : new SecureRandom().nextLong();
        DatagramChannel channel = DatagramChannel.open(
                bindIp instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        EventLoop owned = null;
        try {
            channel.configureBlocking(false);
            channel.bind(new InetSocketAddress(bindIp, bindPort));
            PeerAddress self = advertised != null ? advertised
                    : PeerAddress.of((InetSocketAddress) channel.getLocalAddress());
            if (self.isWildcard()) {
                throw new IllegalArgumentException("bound to the wildcard address " + self
                        + ": call advertise(...) with an address peers can reach");
            }
            if (loop == null) {
                owned = EventLoop.start(self.toString());
            }
            EventLoop target = owned != null ? owned : loop;
            NodeRuntime runtime = target.submit(() -> new NodeRuntime(target, channel, self, config, nodeSeed,
                    listener, codec, outboundQueueCapacity, impairment))
                    .get(GossipNode.CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return new GossipNode(target, owned != null, runtime, codec.maxPayloadBytes(), maxDatagramBytes, nodeSeed);
        } catch (IOException | RuntimeException e) {
            cleanUp(channel, owned);
            throw e;
        } catch (ExecutionException e) {
            cleanUp(channel, owned);
            if (e.getCause() instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw new IOException("could not start the node", e.getCause());
        } catch (TimeoutException e) {
            cleanUp(channel, owned);
            throw new IllegalStateException("event loop did not answer", e);
        } catch (InterruptedException e) {
            cleanUp(channel, owned);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the node", e);
        }
    }

    private static void cleanUp(DatagramChannel channel, EventLoop owned) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing; the original error matters
        }
        if (owned != null) {
            owned.close();
        }
    }
}
