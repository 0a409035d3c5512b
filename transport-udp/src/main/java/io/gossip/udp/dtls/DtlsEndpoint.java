package io.gossip.udp.dtls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

/**
 * A node's DTLS 1.2 session layer: one {@link DtlsSession} per peer, opened on demand, between the
 * wire codec (plaintext datagrams) and the socket (records). Sans-IO like the protocol core: every
 * call carries the current time, records leave through {@link Io#transmit}, authenticated
 * plaintext through {@link Io#deliver}, and timer needs through {@link Io#wakeAt} (early or
 * spurious {@link #onTimeout} calls are harmless). Confined to one thread, the node's event loop.
 *
 * <p>Roles are fixed by address order: of two peers, the lower address (see
 * {@link DtlsRecords#compare}) is the DTLS client. A server-role node with something to send asks
 * its peer to connect with a small connect request; simultaneous opens therefore never deadlock
 * and never produce two sessions. A fresh ClientHello or connect request on an established session
 * (the peer lost its state, or someone claims its address) starts a new handshake beside the
 * session, at most once per {@code minRehandshakeIntervalMillis}, which replaces it only once it
 * completes; a record for which no session exists makes this side reconnect, so a peer that forgot
 * a session is brought back without waiting for an idle timeout.
 *
 * <p>State is bounded: at most {@code maxSessions} sessions (the least recently active, pending
 * ones first, is evicted to make room), at most {@code pendingDatagramsPerSession} queued
 * datagrams per pending session; idle sessions close after {@code idleTimeoutMillis}, and
 * {@link #retainOnly} closes those whose peer left the node's views.
 */
public final class DtlsEndpoint {
    /** Where the session layer's output goes. Called on the endpoint's thread, from inside its calls. */
    public interface Io {
        /**
         * Sends {@code datagram} (a fresh buffer the callee may keep) to {@code to}.
         *
         * @param to the peer's socket address
         * @param datagram the record or records to put on the wire, from position to limit
         */
        void transmit(InetSocketAddress to, ByteBuffer datagram);

        /**
         * Hands over an authenticated plaintext datagram; valid only during the call.
         *
         * @param from the authenticated peer's socket address
         * @param plaintext the decrypted datagram, from position to limit; copy what must outlive the call
         */
        void deliver(InetSocketAddress from, ByteBuffer plaintext);

        /**
         * Asks for an {@link #onTimeout} call at or after {@code deadlineMicros}.
         *
         * @param deadlineMicros when, in microseconds on the clock of the {@code nowMicros} the endpoint
         *     is given
         */
        void wakeAt(long deadlineMicros);
    }

    private final DtlsConfig config;
    private final InetSocketAddress self;
    private final int maxDatagramBytes;
    private final Io io;
    private final SessionTable sessions = new SessionTable();
    private final SessionServices services;
    private final InboundRouter router;
    private long armedMicros = Long.MAX_VALUE;

    /**
     * @param config keys, trust and bounds
     * @param self this node's address as its peers see it (decides the client/server roles)
     * @param maxDatagramBytes the largest datagram put on the wire, records included
     * @param io where records, plaintext and timer requests go
     * @throws IllegalArgumentException if {@code maxDatagramBytes} is below
     *     {@link DtlsConfig#MIN_DATAGRAM_BYTES}
     */
    public DtlsEndpoint(DtlsConfig config, InetSocketAddress self, int maxDatagramBytes, Io io) {
        this.config = Objects.requireNonNull(config, "config");
        this.self = Objects.requireNonNull(self, "self");
        this.io = Objects.requireNonNull(io, "io");
        if (maxDatagramBytes < DtlsConfig.MIN_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("DTLS needs datagrams of at least " + DtlsConfig.MIN_DATAGRAM_BYTES
                    + " bytes, got " + maxDatagramBytes);
        }
        this.maxDatagramBytes = maxDatagramBytes;
        this.services = new SessionServices(config, io, maxDatagramBytes);
        this.router = new InboundRouter(this, sessions, services);
    }

    /**
     * The largest plaintext datagram that fits one record within the datagram limit.
     *
     * @return the datagram limit less {@link DtlsConfig#RECORD_OVERHEAD_BYTES}, in bytes
     */
    public int maxPlaintextBytes() {
        return maxDatagramBytes - DtlsConfig.RECORD_OVERHEAD_BYTES;
    }

    // ------------------------------------------------------------------ the three inputs

    /**
     * Sends a plaintext datagram to {@code to}: sealed at once if a session is established, queued
     * (boundedly) if one is being set up, and otherwise a session is opened first. Never sends
     * anything in the clear.
     *
     * @param nowMicros the current time in microseconds (monotonic; only differences matter)
     * @param to the peer's socket address, not null
     * @param plaintext the datagram to protect, from position to limit; longer than
     *     {@link #maxPlaintextBytes()} is dropped and counted ({@link DtlsCounter#OVERSIZED_DROPPED})
     */
    public void send(long nowMicros, InetSocketAddress to, ByteBuffer plaintext) {
        if (plaintext.remaining() > maxPlaintextBytes()) {
            count(DtlsCounter.OVERSIZED_DROPPED);
            return;
        }
        DtlsSession session = sessions.get(to);
        if (session == null) {
            session = open(nowMicros, to, true);
            session.send(nowMicros, plaintext);
            if (session.isClient()) {
                session.start(nowMicros);
            } else {
                session.requestConnect(nowMicros);
            }
        } else {
            session.markWanted();
            session.send(nowMicros, plaintext);
        }
        rearm(nowMicros);
    }

    /**
     * Handles one datagram that arrived from {@code from}.
     *
     * @param nowMicros the current time in microseconds (monotonic; only differences matter)
     * @param from the socket address it came from, not null
     * @param datagram the bytes received, from position to limit: a record, a connect request or
     *     anything else (refused and counted)
     */
    public void receive(long nowMicros, InetSocketAddress from, ByteBuffer datagram) {
        router.route(nowMicros, from, datagram);
        rearm(nowMicros);
    }

    /**
     * Retransmits overdue handshake flights, abandons slow handshakes, closes idle sessions.
     *
     * @param nowMicros the current time in microseconds (monotonic; only differences matter)
     */
    public void onTimeout(long nowMicros) {
        if (nowMicros >= armedMicros) {
            armedMicros = Long.MAX_VALUE; // the armed wake-up is due, so it is this call: ask again below
        }
        sessions.expireRetiring(nowMicros);
        for (DtlsSession candidate : new ArrayList<>(sessions.candidates())) {
            if (candidate.deadlineMicros() <= nowMicros && !candidate.onTimer(nowMicros)) {
                sessions.removeCandidate(candidate.peer()); // the session it would replace stays
            }
        }
        for (DtlsSession session : new ArrayList<>(sessions.values())) {
            if (session.deadlineMicros() <= nowMicros) {
                boolean wasEstablished = session.isEstablished();
                if (!session.onTimer(nowMicros)) {
                    if (wasEstablished) {
                        count(DtlsCounter.EVICTED_IDLE);
                        session.close(true);
                    }
                    sessions.remove(session.peer());
                }
            }
        }
        rearm(nowMicros);
    }

    // ------------------------------------------------------------------ eviction

    /**
     * Closes the session with {@code peer}, if any (telling the peer if it was established).
     *
     * @param peer the peer's socket address
     * @return true if a session was closed, false if there was none
     */
    public boolean evict(InetSocketAddress peer) {
        DtlsSession session = sessions.remove(peer);
        if (session == null) {
            return false;
        }
        count(DtlsCounter.EVICTED_EXPLICITLY);
        session.close(true);
        return true;
    }

    /**
     * Closes every session whose peer is not in {@code peers} and that has carried no traffic for
     * {@code notInViewGraceMillis}: the node's views changed and no longer need that peer. The grace
     * period keeps sessions a join or an acknowledgement still uses.
     *
     * @param peers the socket addresses of the peers the node's views hold now, not null
     * @param nowMicros the current time in microseconds (monotonic; only differences matter)
     * @return how many sessions were closed
     */
    public int retainOnly(Set<InetSocketAddress> peers, long nowMicros) {
        long quietBefore = nowMicros - config.notInViewGraceMillis() * 1_000;
        int closed = 0;
        for (Iterator<DtlsSession> it = sessions.values().iterator(); it.hasNext(); ) {
            DtlsSession session = it.next();
            if (!peers.contains(session.peer()) && session.lastActivityMicros() <= quietBefore
                    && session.state() != DtlsSession.State.FAILED) {
                it.remove();
                sessions.removeCandidate(session.peer());
                sessions.dropRetiring(session.peer());
                count(DtlsCounter.EVICTED_NOT_IN_VIEW);
                session.close(true);
                closed++;
            }
        }
        return closed;
    }

    /** Drops every session (retiring ones too) without telling the peers (the node is stopping). */
    public void close() {
        sessions.clear();
        armedMicros = Long.MAX_VALUE;
    }

    // ------------------------------------------------------------------ state

    /**
     * Whether a session with {@code peer} has completed its handshake.
     *
     * @param peer the peer's socket address
     * @return true if an established session with it is held
     */
    public boolean isEstablished(InetSocketAddress peer) {
        DtlsSession session = sessions.get(peer);
        return session != null && session.isEstablished();
    }

    /**
     * Sessions held now, in any state (not counting retiring ones, see {@link SessionTable}).
     *
     * @return the count, at most {@link DtlsConfig#maxSessions()}
     */
    public int sessionCount() {
        return sessions.size();
    }

    /**
     * A snapshot of the counters.
     *
     * @return a new snapshot with the session counts and every {@link DtlsCounter}
     */
    public DtlsStats stats() {
        return new DtlsStats(sessions.size(), sessions.establishedCount(), services.counters());
    }

    // ------------------------------------------------------------------ session table

    /** Whether this side is the DTLS client towards {@code peer}: the lower address is. */
    boolean isClientFor(InetSocketAddress peer) {
        return DtlsRecords.compare(self, peer) < 0;
    }

    /**
     * Opens a session with {@code peer} in the role the addresses give, making room first if full.
     *
     * @param wanted whether this node opens it to send; otherwise a datagram from {@code peer}'s
     *     address did, and the session may send there no more than a few times what came from there
     */
    DtlsSession open(long nowMicros, InetSocketAddress peer, boolean wanted) {
        if (sessions.size() >= config.maxSessions()) {
            evictOne();
        }
        boolean client = isClientFor(peer);
        DtlsSession session = new DtlsSession(services, peer, client, config.newEngine(client), nowMicros, wanted);
        sessions.put(peer, session);
        return session;
    }

    /**
     * Starts a handshake with the peer of the established {@code current} beside it (see
     * {@link SessionTable}); {@link #promoteIfEstablished} swaps it in once it completes.
     */
    DtlsSession startCandidate(long nowMicros, DtlsSession current) {
        DtlsSession candidate = new DtlsSession(services, current.peer(), current.isClient(),
                config.newEngine(current.isClient()), nowMicros, false);
        sessions.putCandidate(current.peer(), candidate);
        current.candidateStarted(nowMicros);
        return candidate;
    }

    /**
     * Makes {@code peer}'s candidate its session if its handshake has completed: the peer proved
     * it holds a trusted certificate and receives at that address, so it lost the old session
     * (restart, eviction). Drops a candidate that failed. Returns the candidate if it was promoted.
     *
     * <p>The replaced session is not closed at once but kept as the peer's retiring session for
     * {@code handshakeTimeoutMillis} (see {@link SessionTable}). On the server side the candidate
     * completes when the client's Finished arrives, one hop before the client gets the server's final
     * flight and switches too; the records the client seals with the old keys meanwhile (longer if
     * that flight is lost and retransmitted) are opened by the retiring session instead of being
     * dropped. The client's own candidate started before the server's, and a handshake that has not
     * completed within {@code handshakeTimeoutMillis} of its start is abandoned, so by the end of the
     * grace the client has switched or given up: no more old-key records are due.
     */
    DtlsSession promoteIfEstablished(long nowMicros, InetSocketAddress peer) {
        DtlsSession candidate = sessions.candidate(peer);
        if (candidate == null || candidate.state() == DtlsSession.State.AWAITING_HELLO
                || candidate.state() == DtlsSession.State.HANDSHAKING) {
            return null;
        }
        sessions.removeCandidate(peer);
        if (!candidate.isEstablished()) {
            return null; // failed: the established session it would have replaced is untouched
        }
        DtlsSession old = sessions.get(peer);
        sessions.put(peer, candidate);
        if (old != null && old.isEstablished()) {
            count(DtlsCounter.CLOSED_BY_PEER);
            sessions.retire(old, nowMicros + config.handshakeTimeoutMillis() * 1_000);
        } else if (old != null) {
            closeLostByPeer(old);
        }
        return candidate;
    }

    /** Drops {@code old} without telling its peer (which lost it) and opens a fresh one in its place. */
    DtlsSession replace(long nowMicros, DtlsSession old) {
        sessions.remove(old.peer());
        closeLostByPeer(old);
        return open(nowMicros, old.peer(), false);
    }

    /** Closes a session its peer has already dropped (restart, eviction), without telling it. */
    private void closeLostByPeer(DtlsSession old) {
        count(DtlsCounter.CLOSED_BY_PEER);
        old.close(false);
    }

    /** Evicts a failed session if any, else the least recently active pending one, else established one. */
    private void evictOne() {
        DtlsSession victim = sessions.leastValuable();
        if (victim != null) {
            sessions.remove(victim.peer());
            count(DtlsCounter.EVICTED_FOR_LIMIT);
            victim.close(true);
        }
    }

    private void rearm(long nowMicros) {
        long next = sessions.nextDeadlineMicros();
        if (next != Long.MAX_VALUE && (next < armedMicros || armedMicros <= nowMicros)) {
            armedMicros = next;
            io.wakeAt(next);
        }
    }

    /** Counts one event; the sessions count through {@link SessionServices}, the same counters. */
    void count(DtlsCounter counter) {
        services.count(counter);
    }
}
