package io.gossip.udp;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.dtls.DtlsConfig;
import io.gossip.udp.dtls.DtlsProtection;
import io.gossip.udp.security.AeadProtection;
import io.gossip.udp.security.DatagramProtection;
import io.gossip.udp.security.Keyring;
import io.gossip.udp.security.SealedFormat;
import io.gossip.udp.wire.WireCodec;
import io.gossip.udp.wire.WireFormat;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Configures and starts a {@link GossipNode}. Only {@link #bind} (or {@link #bindEphemeral}) is
 * required; everything else has a documented default. Traffic is sealed (AES-256-GCM) when a
 * {@link #keyring} is given, plaintext otherwise: with a logged warning unless {@link #insecure()}
 * says it is meant.
 */
public final class GossipNodeBuilder {
    /** Default capacity of a node's outbound queue, in datagrams. */
    public static final int DEFAULT_OUTBOUND_QUEUE_CAPACITY = 4_096;
    /** Smallest receive buffer {@link #receiveBufferBytes} asks for: one default datagram fits. */
    public static final int MIN_RECEIVE_BUFFER_BYTES = 1_024;
    /** Largest receive buffer {@link #receiveBufferBytes} asks for. */
    public static final int MAX_RECEIVE_BUFFER_BYTES = 1 << 30;
    private static final System.Logger LOG = System.getLogger("io.gossip.udp.security");
    /** Whether a node of this process chose {@link #insecure()} and said so at INFO. */
    private static final AtomicBoolean INSECURE_LOGGED = new AtomicBoolean();
    /**
     * Whether a node of this process without a key was warned about, apart from the insecure ones: a
     * node that chose plaintext must not silence the warning of one that forgot its key.
     */
    private static final AtomicBoolean PLAINTEXT_WARNED = new AtomicBoolean();

    private InetAddress bindIp;
    private int bindPort = -1;
    private PeerAddress advertised;
    /** The IP of {@link #advertise(InetAddress)}, advertised with the bound port; null if not given. */
    private InetAddress advertisedIp;
    private ProtocolConfig config = ProtocolConfig.defaults();
    private DeliveryListener listener = (id, hops, payload) -> { };
    private EventLoop loop;
    private Long seed;
    private int maxDatagramBytes = WireFormat.DEFAULT_MAX_DATAGRAM_BYTES;
    private int outboundQueueCapacity = DEFAULT_OUTBOUND_QUEUE_CAPACITY;
    /** The SO_RCVBUF asked for, or 0 for the operating system's default. */
    private int receiveBufferBytes;
    private Impairment impairment;
    private Keyring keyring;
    private String clusterLabel;
    private Duration maxClockSkew = AeadProtection.DEFAULT_MAX_CLOCK_SKEW;
    /** Whether {@link #maxClockSkew} was called: without a keyring that call would silently do nothing. */
    private boolean maxClockSkewGiven;
    private boolean insecure;
    private DtlsConfig dtls;

    GossipNodeBuilder() {
    }

    /**
     * Binds the node's socket to exactly this address and port (the wildcard address is allowed).
     *
     * @param address the local address and port, not null; replaces an earlier {@code bind} or
     *     {@link #bindEphemeral}
     * @return this builder
     */
    public GossipNodeBuilder bind(PeerAddress address) {
        Objects.requireNonNull(address, "address");
        bindIp = address.ip();
        bindPort = address.port();
        return this;
    }

    /**
     * Binds to {@code ip} on a port the operating system picks; read it from
     * {@link GossipNode#boundAddress()} (also {@link GossipNode#address()} unless another is advertised).
     *
     * @param ip the local IPv4 or IPv6 address, not null; replaces an earlier {@link #bind}
     * @return this builder
     */
    public GossipNodeBuilder bindEphemeral(InetAddress ip) {
        bindIp = Objects.requireNonNull(ip, "ip");
        bindPort = 0;
        return this;
    }

    /**
     * The address to tell peers, when it differs from the bound one: required when binding to the
     * wildcard address, since a peer cannot reach "0.0.0.0".
     *
     * @param address the address peers send to (for example a public address forwarded to the bound
     *     one), not null and not the wildcard
     * @return this builder
     * @throws IllegalArgumentException if {@code address} is the wildcard address
     */
    public GossipNodeBuilder advertise(PeerAddress address) {
        Objects.requireNonNull(address, "address");
        if (address.isWildcard()) {
            throw new IllegalArgumentException("cannot advertise the wildcard address " + address);
        }
        advertised = address;
        advertisedIp = null;
        return this;
    }

    /**
     * The IP address to tell peers, with whatever port the socket binds: the advertised address is
     * {@code ip} and the bound port, fixed by {@link #start()}. This is how a node bound to the
     * wildcard address on a port the operating system picks ({@code bindEphemeral(0.0.0.0)}) tells
     * peers where to reach it, since {@link #advertise(PeerAddress)} needs the port beforehand.
     * Replaces an address given earlier to either form.
     *
     * @param ip the address peers reach this node at: not the wildcard or a multicast address, no IPv6
     *     scope, and of a family the bound socket receives (IPv4 for a socket bound to IPv4, IPv6 for
     *     one bound to a specific IPv6 address, either for the dual-stack wildcard {@code [::]}),
     *     which {@link #start()} checks
     * @return this builder
     * @throws IllegalArgumentException if {@code ip} is the wildcard or a multicast address, or a
     *     scoped IPv6 address
     */
    public GossipNodeBuilder advertise(InetAddress ip) {
        Objects.requireNonNull(ip, "ip");
        PeerAddress checked = PeerAddress.of(ip, 1); // multicast and scope checks; the port comes at start()
        if (checked.isWildcard()) {
            throw new IllegalArgumentException("cannot advertise the wildcard address " + ipText(checked)
                    + ": give an address peers can reach");
        }
        advertisedIp = checked.ip();
        advertised = null;
        return this;
    }

    /** The IP of {@code address} as it is written in {@link PeerAddress#toString()}, without the port. */
    private static String ipText(PeerAddress address) {
        String text = address.toString();
        return text.substring(0, text.lastIndexOf(':'));
    }

    /**
     * The protocol configuration; default {@link ProtocolConfig#defaults()}.
     *
     * @param value the configuration, not null; its {@code maxPayloadBytes} must fit the datagram
     *     limit (checked by {@link #start()})
     * @return this builder
     */
    public GossipNodeBuilder protocol(ProtocolConfig value) {
        config = Objects.requireNonNull(value, "config");
        return this;
    }

    /**
     * Where delivered messages go (on the loop thread); default: nowhere.
     *
     * @param value the listener, not null; what it throws is counted as
     *     {@link TransportDropReason#LISTENER_FAILED}, and the node goes on
     * @return this builder
     */
    public GossipNodeBuilder onDeliver(DeliveryListener value) {
        listener = Objects.requireNonNull(value, "listener");
        return this;
    }

    /**
     * Runs the node on a shared loop; {@code null} (the default) gives the node its own loop,
     * stopped by {@link GossipNode#close()}. Create a shared loop with {@link EventLoop#start(String)}.
     * A shared loop outlives its nodes: close it yourself ({@link EventLoop#close()} also closes the
     * nodes still on it).
     *
     * @param value a running loop, or null for a loop of the node's own
     * @return this builder
     */
    public GossipNodeBuilder eventLoop(EventLoop value) {
        loop = value;
        return this;
    }

    /**
     * Seed of the node's protocol random generator; default: drawn from {@link SecureRandom}. The
     * node's first sequence number is drawn from {@code SecureRandom} whatever the seed.
     *
     * @param value any long; {@link GossipNode#seed()} reports it back
     * @return this builder
     */
    public GossipNodeBuilder seed(long value) {
        seed = value;
        return this;
    }

    /**
     * Largest datagram sent or accepted; default 1,400 bytes.
     *
     * @param value the limit in bytes, protection included, in [128, 65,507] (at least 256 with DTLS,
     *     185 with a keyring); checked by {@link #start()}
     * @return this builder
     */
    public GossipNodeBuilder maxDatagramBytes(int value) {
        maxDatagramBytes = value;
        return this;
    }

    /**
     * The size to ask of the socket's receive buffer ({@code SO_RCVBUF}): what the kernel holds for
     * the node while its event loop is busy elsewhere. When it is full the kernel drops what arrives
     * ({@link GossipNode#kernelReceiveDrops()} counts it), so a node that sees such drops under bursts
     * of traffic can ask for more. The kernel decides what it grants: Linux caps the request at
     * {@code net.core.rmem_max}, 212,992 bytes unless the administrator raised it ({@code sysctl -w
     * net.core.rmem_max=...}), and books twice the size for its own overhead; read the size granted
     * from {@link GossipNode#receiveBufferBytes()}. A larger buffer absorbs bursts; it does not help
     * a loop that is behind for good.
     *
     * @param bytes the size asked for, 1,024 to 1 GiB; by default the operating system's (on Linux,
     *     half of {@code net.core.rmem_default}: 106,496 bytes where that is 212,992)
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is outside 1,024 to 1 GiB
     */
    public GossipNodeBuilder receiveBufferBytes(int bytes) {
        if (bytes < MIN_RECEIVE_BUFFER_BYTES || bytes > MAX_RECEIVE_BUFFER_BYTES) {
            throw new IllegalArgumentException("receiveBufferBytes must be in [" + MIN_RECEIVE_BUFFER_BYTES + ", "
                    + MAX_RECEIVE_BUFFER_BYTES + "], got " + bytes);
        }
        receiveBufferBytes = bytes;
        return this;
    }

    /**
     * Datagrams the node may hold while its socket is busy; more are dropped and counted.
     *
     * @param value the capacity, {@code >= 1}; default {@value #DEFAULT_OUTBOUND_QUEUE_CAPACITY}
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1
     */
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
     *
     * @param value the loss and latency to add, or null for none
     * @return this builder
     */
    public GossipNodeBuilder impairment(Impairment value) {
        impairment = value;
        return this;
    }

    /**
     * Seals every datagram with AES-256-GCM under the keyring's primary key and accepts only
     * datagrams sealed under one of its keys (see {@code docs/security.md}). Load it with
     * {@link io.gossip.udp.security.ClusterKeys#fromFile} or
     * {@link io.gossip.udp.security.ClusterKeys#fromEnvironment}. Without a keyring the node
     * speaks plaintext.
     *
     * @param value the keys, not null; the node keeps this keyring until changed through
     *     {@link GossipNode#installKey} and the like
     * @return this builder
     */
    public GossipNodeBuilder keyring(Keyring value) {
        keyring = Objects.requireNonNull(value, "keyring");
        return this;
    }

    /**
     * A label authenticated with every sealed datagram (not sent): nodes with different labels
     * cannot open each other's datagrams even if they share a key. Requires a keyring.
     *
     * @param value the label, not null, at most 255 bytes in UTF-8
     * @return this builder
     * @throws IllegalArgumentException if the label is longer than 255 bytes in UTF-8
     */
    public GossipNodeBuilder clusterLabel(String value) {
        AeadProtection.labelBytes(Objects.requireNonNull(value, "clusterLabel"));
        clusterLabel = value;
        return this;
    }

    /**
     * How far a sealed datagram's timestamp (the sender's wall clock) may be from this node's
     * clock before it is dropped as {@link TransportDropReason#STALE}; default 30 s. Replay
     * protection remembers datagrams for this long, so keep node clocks synchronised well within it.
     * Requires a keyring ({@link #start()} refuses it otherwise): only sealed datagrams carry a
     * timestamp, and DTLS keeps a replay window per session instead.
     *
     * @param value the tolerance, not null, at least 1 ms
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1 ms
     */
    public GossipNodeBuilder maxClockSkew(Duration value) {
        Objects.requireNonNull(value, "maxClockSkew");
        if (value.toMillis() < 1) {
            throw new IllegalArgumentException("maxClockSkew must be at least 1 ms, got " + value);
        }
        maxClockSkew = value;
        maxClockSkewGiven = true;
        return this;
    }

    /**
     * Runs DTLS 1.2 with mutual certificate authentication instead of a shared key: every peer
     * must present a certificate from an authority in {@code config}'s trust store (see
     * {@code docs/dtls.md}). Contradicts {@link #keyring} and {@link #insecure()}.
     *
     * @param config the key, certificates, trust and session bounds, not null
     * @return this builder
     */
    public GossipNodeBuilder dtls(DtlsConfig config) {
        dtls = Objects.requireNonNull(config, "config");
        return this;
    }

    /**
     * DTLS with the default bounds: this node's key and certificate chain, the password of its key
     * entry, and the authorities whose node certificates are accepted. See {@link #dtls(DtlsConfig)}.
     *
     * @param keyStore this node's private key and certificate chain, not null
     * @param keyPassword the password of the key entry, not null
     * @param trustStore the certificate authorities whose node certificates are accepted, not null
     * @return this builder
     * @throws IllegalArgumentException if the stores cannot be used
     */
    public GossipNodeBuilder dtls(KeyStore keyStore, char[] keyPassword, KeyStore trustStore) {
        return dtls(DtlsConfig.of(keyStore, keyPassword, trustStore));
    }

    /**
     * Runs without encryption or authentication, on purpose: anyone who can send to the port can
     * join, broadcast and forge membership messages. Contradicts {@link #keyring}.
     *
     * @return this builder
     */
    public GossipNodeBuilder insecure() {
        insecure = true;
        return this;
    }

    /**
     * The largest payload a node with this configuration can carry, and so the most
     * {@link ProtocolConfig#maxPayloadBytes()} may be: what is left of a datagram of
     * {@link #maxDatagramBytes} after the protection's overhead (sealing adds
     * {@value SealedFormat#OVERHEAD_BYTES} bytes, DTLS {@value DtlsConfig#RECORD_OVERHEAD_BYTES})
     * and the worst-case gossip header ({@value WireFormat#MAX_GOSSIP_OVERHEAD_BYTES} bytes). With
     * the default 1,400-byte datagrams: 1,349 in plaintext, 1,292 sealed, 1,312 with DTLS.
     *
     * @return the limit in bytes for the datagram limit and protection chosen so far, at most 65,535
     */
    public int largestPayloadBytes() {
        return WireFormat.maxPayloadFor(maxDatagramBytes - protectionOverheadBytes());
    }

    private int protectionOverheadBytes() {
        return dtls != null ? DtlsConfig.RECORD_OVERHEAD_BYTES : keyring == null ? 0 : SealedFormat.OVERHEAD_BYTES;
    }

    /**
     * Opens and binds the socket and starts the node on its loop. The node is not a member yet:
     * call {@link GossipNode#bootstrap()} or {@link GossipNode#join}.
     *
     * @return the running node, not yet a member; close it when done
     * @throws IOException if the socket cannot be opened or bound
     * @throws IllegalArgumentException if the configuration is inconsistent (for example a payload
     *     limit that does not fit the datagram limit, a wildcard bind without an advertised address, or
     *     an IP given to {@link #advertise(InetAddress)} of a family the socket cannot receive)
     * @throws IllegalStateException if no bind address was given, the shared loop is closed, or the
     *     protection is contradictory or incomplete (for example {@link #keyring} with {@link #insecure()},
     *     or {@link #clusterLabel} or {@link #maxClockSkew} without a keyring)
     */
    public GossipNode start() throws IOException {
        if (bindIp == null) {
            throw new IllegalStateException("call bind(...) or bindEphemeral(...) before start()");
        }
        checkProtectionChoice();
        checkAdvertisedFamily();
        int overheadBytes = protectionOverheadBytes();
        if (dtls != null && maxDatagramBytes < DtlsConfig.MIN_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("with DTLS, maxDatagramBytes must be at least "
                    + DtlsConfig.MIN_DATAGRAM_BYTES + ", got " + maxDatagramBytes);
        }
        if (keyring != null && maxDatagramBytes - overheadBytes < WireFormat.MIN_MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("with a keyring, maxDatagramBytes must be at least "
                    + (WireFormat.MIN_MAX_DATAGRAM_BYTES + overheadBytes) + " (the seal takes " + overheadBytes
                    + " bytes), got " + maxDatagramBytes);
        }
        boolean datagramLimitValid = maxDatagramBytes >= WireFormat.MIN_MAX_DATAGRAM_BYTES
                && maxDatagramBytes <= WireFormat.MAX_MAX_DATAGRAM_BYTES; // else the codec says why
        if (datagramLimitValid && config.maxPayloadBytes() > largestPayloadBytes()) {
            throw new IllegalArgumentException("maxPayloadBytes " + config.maxPayloadBytes() + " does not fit: "
                    + (dtls != null ? "with DTLS" : keyring != null ? "sealed" : "in plaintext") + ", a datagram of "
                    + maxDatagramBytes + " bytes carries at most " + largestPayloadBytes() + " payload bytes ("
                    + (overheadBytes > 0 ? overheadBytes + " bytes of protection and " : "") + "a "
                    + WireFormat.MAX_GOSSIP_OVERHEAD_BYTES + "-byte worst-case gossip header)");
        }
        WireCodec codec = new WireCodec(maxDatagramBytes - overheadBytes, config.maxPayloadBytes());
        if (loop != null && !loop.isRunning()) {
            throw new IllegalStateException("the shared event loop is closed");
        }
        long nodeSeed = seed != null ? seed : new SecureRandom().nextLong();
        DatagramChannel channel = DatagramChannel.open(
                bindIp instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        EventLoop owned = null;
        try {
            channel.configureBlocking(false);
            if (receiveBufferBytes > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            }
            int receiveBufferGranted = channel.getOption(StandardSocketOptions.SO_RCVBUF);
            channel.bind(new InetSocketAddress(bindIp, bindPort));
            PeerAddress bound = PeerAddress.of((InetSocketAddress) channel.getLocalAddress());
            PeerAddress self = advertised != null ? advertised
                    : advertisedIp != null ? PeerAddress.of(advertisedIp, bound.port()) : bound;
            if (self.isWildcard()) {
                throw new IllegalArgumentException("bound to the wildcard address " + self
                        + ": call advertise(...) with an address peers can reach");
            }
            if (loop == null) {
                owned = EventLoop.start(self.toString());
            }
            EventLoop target = owned != null ? owned : loop;
            DatagramProtection protection = dtls != null
                    ? new DtlsProtection(dtls, self.toSocketAddress(), maxDatagramBytes, RealClock::nowMicros)
                    : keyring == null ? DatagramProtection.plaintext()
                    : AeadProtection.create(keyring, clusterLabel, maxClockSkew, maxDatagramBytes,
                            self.toSocketAddress());
            NodeRuntime runtime = target.submit(() -> new NodeRuntime(target, channel, self, config, nodeSeed,
                    listener, codec, protection, outboundQueueCapacity, impairment))
                    .get(GossipNode.CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (!protection.isSealing()) {
                warnPlaintext(self);
            }
            return new GossipNode(target, owned != null, runtime, codec.maxPayloadBytes(), maxDatagramBytes, nodeSeed,
                    bound, receiveBufferGranted);
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

    private void checkProtectionChoice() {
        if (dtls != null && (keyring != null || insecure || clusterLabel != null)) {
            throw new IllegalStateException("dtls(...) contradicts keyring(...), clusterLabel(...) and insecure(): "
                    + "choose one protection");
        }
        if (keyring != null && insecure) {
            throw new IllegalStateException("keyring(...) and insecure() contradict each other: choose one");
        }
        if (keyring == null) {
            if (clusterLabel != null) {
                throw new IllegalStateException(
                        "clusterLabel(...) needs a keyring: the label is authenticated by the key");
            }
            if (maxClockSkewGiven) {
                throw new IllegalStateException("maxClockSkew(...) needs a keyring: only sealed datagrams carry "
                        + "the sender's clock (DTLS keeps a replay window per session instead)");
            }
        }
    }

    /** An advertised IP takes the bound port: it must be one the bound socket receives datagrams for. */
    private void checkAdvertisedFamily() {
        if (advertisedIp == null) {
            return;
        }
        PeerAddress from = PeerAddress.of(bindIp, 1);
        PeerAddress to = PeerAddress.of(advertisedIp, 1);
        if (!from.canSendTo(to)) { // a socket receives from exactly the family it can send to
            String family = to.isIpv6() ? "IPv6" : "IPv4";
            throw new IllegalArgumentException("cannot advertise the " + family + " address " + ipText(to)
                    + ": the socket is bound to " + (from.isIpv6() ? "a specific IPv6 address" : "an IPv4 address")
                    + " (" + ipText(from) + "), which " + family + " datagrams cannot reach; bind it to an " + family
                    + " address, or to [::], which receives both");
        }
    }

    private void warnPlaintext(PeerAddress self) {
        boolean first = (insecure ? INSECURE_LOGGED : PLAINTEXT_WARNED).compareAndSet(false, true);
        if (insecure) {
            LOG.log(first ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
                    "node {0} runs insecure() as configured: plaintext, unauthenticated traffic", self);
        } else {
            LOG.log(first ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                    "node {0} has no cluster key: its traffic is PLAINTEXT and anyone who can reach its port can "
                    + "read it, join and forge messages. Configure keyring(ClusterKeys.fromFile(...)), or insecure() "
                    + "to make plaintext explicit (later nodes of this process without a key log at DEBUG)", self);
        }
    }

    /** Lets the next plaintext node log as if it were the process's first (tests only). */
    static void forgetPlaintextNotices() {
        INSECURE_LOGGED.set(false);
        PLAINTEXT_WARNED.set(false);
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
