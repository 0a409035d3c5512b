package io.gossip.udp.dtls;

/**
 * What the DTLS session layer counts. Each has one counter in {@link DtlsStats}; the ones named
 * {@code *_DROPPED} or {@code REJECTED_*} are datagrams that were thrown away, with the reason.
 */
public enum DtlsCounter {
    /** Handshakes that completed (either role). */
    HANDSHAKES_COMPLETED,
    /** Handshakes that failed: bad or untrusted certificate, fatal alert, protocol error. */
    HANDSHAKES_FAILED,
    /** Handshakes abandoned because they took longer than the configured timeout. */
    HANDSHAKE_TIMEOUTS,
    /** Handshake flights sent again because no answer came in time. */
    HANDSHAKE_RETRANSMISSIONS,
    /** Connect requests a server-role node sent to ask its peer to start a handshake. */
    CONNECT_REQUESTS_SENT,
    /** Application datagrams encrypted and sent. */
    DATAGRAMS_SEALED,
    /** Application datagrams received, decrypted and authenticated. */
    DATAGRAMS_OPENED,
    /** Outbound datagrams dropped because the pending session's queue was full. */
    PENDING_QUEUE_FULL_DROPPED,
    /** Outbound datagrams dropped when their pending session failed, timed out or was evicted. */
    PENDING_DISCARDED,
    /** Outbound datagrams dropped because the peer is backing off after a failed handshake. */
    PEER_BACKOFF_DROPPED,
    /** Outbound datagrams too large for one record within the datagram limit. */
    OVERSIZED_DROPPED,
    /**
     * Outbound handshake datagrams (or alerts) not sent because their peer's address is unproven and
     * they would take what it was sent past three times what came from it: the reflection guard.
     */
    AMPLIFICATION_LIMIT_DROPPED,
    /** Inbound datagrams that are not DTLS records at all (for example plaintext gossip). */
    REJECTED_NOT_DTLS,
    /** Inbound records for which there is no usable session (and that cannot start one). */
    REJECTED_NO_SESSION,
    /** Inbound records the engine refused (bad MAC, truncated, out of window...). */
    REJECTED_BAD_RECORD,
    /** Inbound handshake openings that contradict the address-ordered client/server roles. */
    REJECTED_ROLE_CONFLICT,
    /** Opened datagrams whose advertised sender is not the authenticated peer they came from. */
    REJECTED_SENDER_MISMATCH,
    /** Inbound ClientHellos or connect requests ignored because the session was (re)established too recently. */
    REJECTED_REHANDSHAKE_TOO_SOON,
    /** Sessions closed to make room under the session limit. */
    EVICTED_FOR_LIMIT,
    /** Established sessions closed after the idle timeout. */
    EVICTED_IDLE,
    /** Sessions closed because their peer left every view (after the grace period). */
    EVICTED_NOT_IN_VIEW,
    /** Sessions closed by an explicit {@link DtlsEndpoint#evict} call. */
    EVICTED_EXPLICITLY,
    /** Sessions the peer closed (close_notify) or that a fresh handshake from the peer replaced. */
    CLOSED_BY_PEER;

    private static final DtlsCounter[] VALUES = values();

    /**
     * Number of counters, for sizing arrays.
     *
     * @return the number of constants, one more than the largest ordinal
     */
    public static int count() {
        return VALUES.length;
    }
}
