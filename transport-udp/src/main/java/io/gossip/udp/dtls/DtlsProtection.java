package io.gossip.udp.dtls;

import io.gossip.udp.security.DatagramProtection;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * DTLS as a node's {@link DatagramProtection}: the node's seal and open points hand datagrams to a
 * {@link DtlsEndpoint}. Unlike a stateless seal, DTLS sends datagrams of its own (handshakes,
 * retransmissions, the queue of a session that just came up) and needs timers, so the node
 * {@link #attach attaches} a {@link Host} that puts raw datagrams on its socket, arms its loop's
 * timers and tells which peers its views hold. Loop thread only, like every protection.
 *
 * <p>{@link #seal} always returns null: the endpoint sends the record itself (at once if the
 * session is up, after the handshake otherwise). {@link #open} returns the authenticated plaintext
 * of an application record, or null for handshake traffic and anything refused (counted in
 * {@link DtlsStats}, not as transport drops).
 */
public final class DtlsProtection implements DatagramProtection {
    /** How often the sessions of peers that left every view are looked for. */
    public static final long VIEW_SWEEP_PERIOD_MICROS = 1_000_000;

    /** What the node provides to the DTLS layer. Called on the loop thread. */
    public interface Host {
        /**
         * Puts a datagram on the node's socket (through its impairment stage and outbound queue).
         *
         * @param to the peer's socket address
         * @param datagram the bytes to send, from position to limit; the host may keep the buffer
         */
        void transmit(InetSocketAddress to, ByteBuffer datagram);

        /**
         * Asks for {@link DtlsProtection#onTimeout} at or after {@code deadlineMicros}.
         *
         * @param deadlineMicros when, in microseconds on the protection's clock
         */
        void wakeAt(long deadlineMicros);

        /**
         * The peers of the node's PartialView and InView now: sessions with anyone else may go.
         *
         * @return their socket addresses, not null; read during the call only
         */
        Set<InetSocketAddress> viewPeers();
    }

    private final DtlsConfig config;
    private final InetSocketAddress self;
    private final int maxDatagramBytes;
    private final LongSupplier clock;
    private final ByteBuffer opened;
    private DtlsEndpoint endpoint;
    private Host host;
    private boolean gotPlaintext;
    private long nextSweepMicros;

    /**
     * @param config keys, trust and bounds
     * @param self the node's advertised address (decides client and server roles)
     * @param maxDatagramBytes the largest application datagram on the wire, record included
     * @param clockMicros the node's clock, in the core's microseconds
     * @throws NullPointerException if {@code config}, {@code self} or {@code clockMicros} is null
     */
    public DtlsProtection(DtlsConfig config, InetSocketAddress self, int maxDatagramBytes, LongSupplier clockMicros) {
        this.config = Objects.requireNonNull(config, "config");
        this.self = Objects.requireNonNull(self, "self");
        this.maxDatagramBytes = maxDatagramBytes;
        this.clock = Objects.requireNonNull(clockMicros, "clockMicros");
        this.opened = ByteBuffer.allocate(maxDatagramBytes);
    }

    /**
     * Connects the protection to its node; must be called once, on the loop, before any datagram.
     *
     * @param value the node's side, not null
     * @throws IllegalStateException if a host was already attached
     */
    public void attach(Host value) {
        if (host != null) {
            throw new IllegalStateException("DTLS protection already attached to a node");
        }
        host = Objects.requireNonNull(value, "host");
        endpoint = new DtlsEndpoint(config, self, maxDatagramBytes, new DtlsEndpoint.Io() {
            @Override
            public void transmit(InetSocketAddress to, ByteBuffer datagram) {
                host.transmit(to, datagram);
            }

            @Override
            public void deliver(InetSocketAddress from, ByteBuffer plaintext) {
                onPlaintext(plaintext);
            }

            @Override
            public void wakeAt(long deadlineMicros) {
                host.wakeAt(deadlineMicros);
            }
        });
        nextSweepMicros = clock.getAsLong() + VIEW_SWEEP_PERIOD_MICROS;
        host.wakeAt(nextSweepMicros);
    }

    @Override
    public int overheadBytes() {
        return DtlsConfig.RECORD_OVERHEAD_BYTES;
    }

    @Override
    public ByteBuffer seal(ByteBuffer plaintext, InetSocketAddress to) {
        requireAttached().send(clock.getAsLong(), to, plaintext);
        return null;
    }

    @Override
    public ByteBuffer open(ByteBuffer datagram, InetSocketAddress from) {
        gotPlaintext = false;
        opened.clear();
        requireAttached().receive(clock.getAsLong(), from, datagram);
        return gotPlaintext ? opened.flip() : null;
    }

    private void onPlaintext(ByteBuffer plaintext) {
        if (gotPlaintext || plaintext.remaining() > opened.capacity()) {
            endpoint.count(DtlsCounter.REJECTED_BAD_RECORD); // one application record per datagram
            return;
        }
        opened.put(plaintext);
        gotPlaintext = true;
    }

    @Override
    public boolean isSealing() {
        return true;
    }

    /**
     * Drives retransmissions and timeouts, and once a second closes the quiet sessions of peers
     * that are in none of the node's views.
     *
     * @param nowMicros the current time in microseconds on the protection's clock
     * @throws IllegalStateException if no host was attached yet
     */
    public void onTimeout(long nowMicros) {
        DtlsEndpoint e = requireAttached();
        e.onTimeout(nowMicros);
        if (nowMicros >= nextSweepMicros) {
            e.retainOnly(host.viewPeers(), nowMicros);
            nextSweepMicros = nowMicros + VIEW_SWEEP_PERIOD_MICROS;
            host.wakeAt(nextSweepMicros);
        }
    }

    /**
     * Counts a datagram that opened but whose advertised sender is not the authenticated peer it
     * came from (a member speaking for another address); the node drops it.
     */
    public void countSenderMismatch() {
        requireAttached().count(DtlsCounter.REJECTED_SENDER_MISMATCH);
    }

    /**
     * Closes the session with {@code peer} at once (see {@link DtlsEndpoint#evict}).
     *
     * @param peer the peer's socket address
     * @return true if a session was closed, false if there was none
     * @throws IllegalStateException if no host was attached yet
     */
    public boolean evict(InetSocketAddress peer) {
        return requireAttached().evict(peer);
    }

    /** Forgets every session without telling the peers: the node is stopping. */
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    /**
     * A snapshot of the session layer's counters.
     *
     * @return a new snapshot
     * @throws IllegalStateException if no host was attached yet
     */
    public DtlsStats stats() {
        return requireAttached().stats();
    }

    private DtlsEndpoint requireAttached() {
        if (endpoint == null) {
            throw new IllegalStateException("DTLS protection used before attach(host)");
        }
        return endpoint;
    }
}
