package io.gossip.udp.dtls;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An endpoint's sessions by peer address, in creation order (so scans and eviction ties never
 * depend on hash order), with the queries the endpoint needs: which session to give up under the
 * limit, and the earliest deadline. Confined to the endpoint's thread.
 */
final class SessionTable {
    private final Map<InetSocketAddress, DtlsSession> byPeer = new LinkedHashMap<>();

    DtlsSession get(InetSocketAddress peer) {
        return byPeer.get(peer);
    }

    void put(InetSocketAddress peer, DtlsSession session) {
        byPeer.put(peer, session);
    }

    DtlsSession remove(InetSocketAddress peer) {
        return byPeer.remove(peer);
    }

    Collection<DtlsSession> values() {
        return byPeer.values();
    }

    int size() {
        return byPeer.size();
    }

    void clear() {
        byPeer.clear();
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
        return next;
    }

    /**
     * The session to give up when the table is full: a failed one if any, else the least recently
     * active pending one, else the least recently active established one; null if empty.
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
            case AWAITING_HELLO, HANDSHAKING -> 1;
            case ESTABLISHED -> 2;
        };
    }
}
