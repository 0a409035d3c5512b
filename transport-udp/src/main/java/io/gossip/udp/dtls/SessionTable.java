package io.gossip.udp.dtls;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An endpoint's sessions by peer address, in creation order (so scans and eviction ties never
 * depend on hash order), with the queries the endpoint needs: which session to give up under the
 * limit, and the earliest deadline. Beside an established session it may hold a <em>candidate</em>:
 * a new handshake with the same address that replaces the session only once it completes, so a
 * ClientHello or connect request that merely claims the peer's address cannot end a working session.
 * At most one candidate per established session, so candidates are bounded by the session limit.
 * Confined to the endpoint's thread.
 */
final class SessionTable {
    private final Map<InetSocketAddress, DtlsSession> byPeer = new LinkedHashMap<>();
    private final Map<InetSocketAddress, DtlsSession> candidates = new LinkedHashMap<>();

    DtlsSession get(InetSocketAddress peer) {
        return byPeer.get(peer);
    }

    void put(InetSocketAddress peer, DtlsSession session) {
        byPeer.put(peer, session);
    }

    /** Removes the session with {@code peer}, and its candidate if any. */
    DtlsSession remove(InetSocketAddress peer) {
        candidates.remove(peer);
        return byPeer.remove(peer);
    }

    /** The handshake under way to replace the established session with {@code peer}, or null. */
    DtlsSession candidate(InetSocketAddress peer) {
        return candidates.get(peer);
    }

    void putCandidate(InetSocketAddress peer, DtlsSession candidate) {
        candidates.put(peer, candidate);
    }

    DtlsSession removeCandidate(InetSocketAddress peer) {
        return candidates.remove(peer);
    }

    Collection<DtlsSession> candidates() {
        return candidates.values();
    }

    Collection<DtlsSession> values() {
        return byPeer.values();
    }

    int size() {
        return byPeer.size();
    }

    void clear() {
        byPeer.clear();
        candidates.clear();
    }

    int establishedCount() {
        int n = 0;
        for (DtlsSession s : byPeer.values()) {
            if (s.isEstablished()) {
                n++;
            }
        }
        return n;
    }

    /** The earliest time a session needs its timer, or {@link Long#MAX_VALUE} if none. */
    long nextDeadlineMicros() {
        long next = Long.MAX_VALUE;
        for (DtlsSession s : byPeer.values()) {
            next = Math.min(next, s.deadlineMicros());
        }
        for (DtlsSession s : candidates.values()) {
            next = Math.min(next, s.deadlineMicros());
        }
        return next;
    }

    /**
     * The session to give up when the table is full: a failed one if any, else the least recently
     * active pending one that a datagram from the network opened, else the least recently active
     * pending one this node opened to send, else the least recently active established one; null if
     * empty. Anyone can open sessions by forging ClientHellos from many addresses; ranking their
     * sessions below this node's own keeps such a flood from evicting the handshakes it started.
     */
    DtlsSession leastValuable() {
        DtlsSession victim = null;
        for (DtlsSession s : byPeer.values()) {
            if (victim == null || rank(s) < rank(victim)
                    || (rank(s) == rank(victim) && s.lastActivityMicros() < victim.lastActivityMicros())) {
                victim = s;
            }
        }
        return victim;
    }

    private static int rank(DtlsSession s) {
        return switch (s.state()) {
            case FAILED -> 0;
            case AWAITING_HELLO, HANDSHAKING -> s.isAddressProven() ? 2 : 1;
            case ESTABLISHED -> 3;
        };
    }
}
