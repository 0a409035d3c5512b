package io.gossip.udp.dtls;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An endpoint's sessions by peer address, in creation order (so scans and eviction ties never
 * depend on hash order), with the queries the endpoint needs: which session to give up under the
 * limit, and the earliest deadline. Beside an established session it may hold a <em>candidate</em>:
 * a new handshake with the same address that replaces the session only once it completes, so a
 * ClientHello or connect request that merely claims the peer's address cannot end a working session.
 * At most one candidate per established session, so candidates are bounded by the session limit.
 * A session a completed candidate replaced is kept a short grace as the peer's <em>retiring</em>
 * session (see {@link DtlsEndpoint#promoteIfEstablished}): it only opens application records the
 * current session cannot, never sends, and is closed when its grace ends or its peer's session is
 * removed. At most one per peer held in the table, it is not counted in {@link #size} (so it never
 * makes the session limit evict a live session) and never chosen by {@link #leastValuable}.
 * Confined to the endpoint's thread.
 */
final class SessionTable {
    private final Map<InetSocketAddress, DtlsSession> byPeer = new LinkedHashMap<>();
    private final Map<InetSocketAddress, DtlsSession> candidates = new LinkedHashMap<>();
    private final Map<InetSocketAddress, Retiring> retiring = new LinkedHashMap<>();

    /** A replaced session and the end of its grace. */
    private record Retiring(DtlsSession session, long untilMicros) {
    }

    DtlsSession get(InetSocketAddress peer) {
        return byPeer.get(peer);
    }

    void put(InetSocketAddress peer, DtlsSession session) {
        byPeer.put(peer, session);
    }

    /** Removes the session with {@code peer}, and its candidate and retiring session if any. */
    DtlsSession remove(InetSocketAddress peer) {
        candidates.remove(peer);
        dropRetiring(peer);
        return byPeer.remove(peer);
    }

    /**
     * Keeps {@code old}, just replaced as {@code old.peer()}'s session, as its retiring session until
     * {@code untilMicros}; one retiring before it is closed.
     */
    void retire(DtlsSession old, long untilMicros) {
        Retiring before = retiring.put(old.peer(), new Retiring(old, untilMicros));
        if (before != null) {
            before.session().close(false);
        }
    }

    /** The retiring session of {@code peer} whose grace has not ended at {@code nowMicros}, or null. */
    DtlsSession retiring(InetSocketAddress peer, long nowMicros) {
        Retiring r = retiring.get(peer);
        return r == null || nowMicros >= r.untilMicros() ? null : r.session();
    }

    /** Closes {@code peer}'s retiring session, if any, without telling the peer. */
    void dropRetiring(InetSocketAddress peer) {
        Retiring r = retiring.remove(peer);
        if (r != null) {
            r.session().close(false);
        }
    }

    /** Closes the retiring sessions whose grace has ended at {@code nowMicros}, without telling their peers. */
    void expireRetiring(long nowMicros) {
        for (Iterator<Retiring> it = retiring.values().iterator(); it.hasNext(); ) {
            Retiring r = it.next();
            if (nowMicros >= r.untilMicros()) {
                it.remove();
                r.session().close(false);
            }
        }
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
        for (Retiring r : retiring.values()) {
            r.session().close(false);
        }
        retiring.clear();
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
        for (Retiring r : retiring.values()) {
            next = Math.min(next, r.untilMicros());
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
