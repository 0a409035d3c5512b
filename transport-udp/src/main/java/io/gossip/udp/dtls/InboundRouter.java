package io.gossip.udp.dtls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Hands each datagram that reaches a {@link DtlsEndpoint} to the session it belongs to, by kind:
 * a connect request, a ClientHello, or any other record. These are the rules that keep two peers
 * on a single session whatever either of them lost: the roles fixed by address order, a fresh
 * ClientHello or connect request on an established session starting a candidate handshake beside
 * it (at most once per {@code minRehandshakeIntervalMillis}) that replaces it once complete, a
 * record with no session making this side reconnect.
 * Opening and replacing sessions stays with the endpoint, which owns the table and its limit. Every
 * datagram is counted to the session it reaches (or opens), which bounds what that session may send
 * back before the peer's address is proven ({@link DtlsSession#transmit}). Confined to the endpoint's
 * thread.
 */
final class InboundRouter {
    private final DtlsEndpoint endpoint;
    private final SessionTable sessions;
    private final SessionServices services;

    InboundRouter(DtlsEndpoint endpoint, SessionTable sessions, SessionServices services) {
        this.endpoint = endpoint;
        this.sessions = sessions;
        this.services = services;
    }

    /** Routes one datagram that arrived from {@code from}. */
    void route(long nowMicros, InetSocketAddress from, ByteBuffer datagram) {
        if (DtlsRecords.isConnectRequest(datagram)) {
            onConnectRequest(nowMicros, from, datagram.remaining());
        } else if (!DtlsRecords.looksLikeRecord(datagram)) {
            services.count(DtlsCounter.REJECTED_NOT_DTLS);
        } else if (DtlsRecords.isClientHello(datagram)) {
            onClientHello(nowMicros, from, datagram);
        } else {
            onRecord(nowMicros, from, datagram);
        }
    }

    private void onConnectRequest(long nowMicros, InetSocketAddress from, int bytes) {
        if (!endpoint.isClientFor(from)) {
            services.count(DtlsCounter.REJECTED_ROLE_CONFLICT);
            return;
        }
        DtlsSession session = sessions.get(from);
        if (session == null) {
            DtlsSession fresh = endpoint.open(nowMicros, from, false);
            fresh.received(bytes);
            fresh.start(nowMicros);
            return;
        }
        session.received(bytes);
        if (session.isEstablished()) {
            if (sessions.candidate(from) != null) {
                sessions.candidate(from).received(bytes); // its own retransmissions get there
            } else if (rehandshakeAllowed(session, nowMicros)) {
                // The peer may have lost the session; the working one stays until a new one completes.
                DtlsSession candidate = endpoint.startCandidate(nowMicros, session);
                candidate.received(bytes);
                candidate.start(nowMicros);
            } else {
                services.count(DtlsCounter.REJECTED_REHANDSHAKE_TOO_SOON);
            }
        }
        // pending: our own retransmissions get there; failed: the backoff holds
    }

    private void onClientHello(long nowMicros, InetSocketAddress from, ByteBuffer datagram) {
        if (endpoint.isClientFor(from)) {
            services.count(DtlsCounter.REJECTED_ROLE_CONFLICT);
            return;
        }
        byte[] random = DtlsRecords.clientRandom(datagram);
        DtlsSession session = sessions.get(from);
        if (session == null) {
            session = endpoint.open(nowMicros, from, false);
        } else if (session.state() == DtlsSession.State.FAILED) {
            if (nowMicros < session.deadlineMicros()) {
                services.count(DtlsCounter.PEER_BACKOFF_DROPPED);
                return;
            }
            sessions.remove(from);
            session = endpoint.open(nowMicros, from, false);
        } else if (session.isEstablished()) {
            if (DtlsRecords.sameRandom(random, session.clientRandom())) {
                session.onDatagram(nowMicros, datagram); // a late copy of the hello that set it up
                return;
            }
            onClientHelloBeside(nowMicros, session, datagram, random);
            return;
        } else if (session.state() == DtlsSession.State.HANDSHAKING
                && !DtlsRecords.sameRandom(random, session.clientRandom())) {
            session = endpoint.replace(nowMicros, session); // the client gave up and started over
        }
        session.received(datagram.remaining());
        session.accept(nowMicros, datagram, random);
    }

    /**
     * A fresh ClientHello on an established session: the peer restarted or lost its half, or
     * someone merely claims its address. The hello goes to a candidate handshake beside the working
     * session (at most one a {@code minRehandshakeIntervalMillis}), which replaces it only once it
     * completes; a candidate that never does leaves the session as it was.
     */
    private void onClientHelloBeside(long nowMicros, DtlsSession session, ByteBuffer datagram, byte[] random) {
        DtlsSession candidate = sessions.candidate(session.peer());
        boolean live = candidate != null && candidate.state() != DtlsSession.State.FAILED;
        if (!live || !DtlsRecords.sameRandom(random, candidate.clientRandom())) {
            if (!rehandshakeAllowed(session, nowMicros)) {
                services.count(DtlsCounter.REJECTED_REHANDSHAKE_TOO_SOON);
                return;
            }
            candidate = endpoint.startCandidate(nowMicros, session);
        }
        candidate.received(datagram.remaining());
        candidate.accept(nowMicros, datagram, random);
        endpoint.promoteIfEstablished(nowMicros, session.peer());
    }

    private void onRecord(long nowMicros, InetSocketAddress from, ByteBuffer datagram) {
        DtlsSession candidate = sessions.candidate(from);
        if (candidate != null && !DtlsRecords.isApplicationRecord(datagram)) {
            // Handshake traffic while a candidate runs is the candidate's; application data stays
            // with the working session until the candidate has completed.
            candidate.received(datagram.remaining());
            candidate.onDatagram(nowMicros, datagram);
            endpoint.promoteIfEstablished(nowMicros, from);
            return;
        }
        DtlsSession session = sessions.get(from);
        if (session != null && session.state() != DtlsSession.State.FAILED) {
            session.received(datagram.remaining());
            // An application record the session cannot open may be one the peer sealed with the keys
            // of the session it just replaced: that retiring session, if any, gets to open it.
            session.onDatagram(nowMicros, datagram, sessions.retiring(from, nowMicros));
            return;
        }
        services.count(DtlsCounter.REJECTED_NO_SESSION);
        if (session == null && DtlsRecords.epoch(datagram) > 0) {
            // The peer holds a session we do not (evicted or restarted): set up a new one. Anyone can
            // claim that, so until the peer's address is proven the answer stays small (received).
            DtlsSession fresh = endpoint.open(nowMicros, from, false);
            fresh.received(datagram.remaining());
            if (fresh.isClient()) {
                fresh.start(nowMicros);
            } else {
                fresh.requestConnect(nowMicros);
            }
        }
    }

    private boolean rehandshakeAllowed(DtlsSession session, long nowMicros) {
        return nowMicros - session.lastHandshakeMicros()
                >= services.config().minRehandshakeIntervalMillis() * 1_000;
    }
}
