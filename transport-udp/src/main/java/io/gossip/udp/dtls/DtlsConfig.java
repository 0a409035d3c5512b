package io.gossip.udp.dtls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a node runs DTLS 1.2 with mutual certificate authentication: its own key and certificate
 * chain ({@code keyStore}), the certificate authorities it accepts peers from ({@code trustStore}),
 * and the bounds of the per-peer session layer. Immutable; validated on construction, and the
 * {@link SSLContext} is built at once so a wrong password or an empty key store fails at start-up
 * rather than at the first handshake.
 *
 * <p>Defaults (see {@link #of}): 256 sessions, 16 datagrams queued per pending session, first
 * handshake retransmission after 200 ms doubling up to 1,600 ms, a handshake abandoned after 10 s,
 * an established session closed after 5 min without traffic, a session whose peer is in no view
 * closed after 30 s without traffic, at most one re-handshake a second per peer, and a failed
 * peer left alone for 1 s.
 */
public final class DtlsConfig {
    /**
     * Bytes a DTLS 1.2 record adds to a datagram with the AES-GCM suites this layer enables: a
     * 13-byte record header, an 8-byte explicit nonce and a 16-byte tag.
     */
    public static final int RECORD_OVERHEAD_BYTES = 13 + 8 + 16;

    /**
     * The engines' packet limit: above the largest DTLS record, so the engine never fragments a
     * handshake message, and never re-fragments one with smaller pieces on retransmission, which
     * the JDK 17 reassembler does not handle (overlapping fragments of two sizes end in "Finished
     * message cannot be verified"). Application records stay small because plaintexts are checked
     * against the datagram limit before sealing.
     */
    static final int UNFRAGMENTED_PACKET_BYTES = 32_768;

    /** Smallest datagram limit DTLS accepts (records, handshake aside, must fit it). */
    public static final int MIN_DATAGRAM_BYTES = 256;

    /** The cipher suites offered and accepted: ECDHE key exchange, AES-GCM, ECDSA or RSA certificates. */
    static final String[] CIPHER_SUITES = {
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    };

    private final SSLContext context;
    private final int maxSessions;
    private final int pendingDatagramsPerSession;
    private final long retransmitInitialMillis;
    private final long retransmitMaxMillis;
    private final long handshakeTimeoutMillis;
    private final long idleTimeoutMillis;
    private final long notInViewGraceMillis;
    private final long minRehandshakeIntervalMillis;
    private final long failureBackoffMillis;

    private DtlsConfig(SSLContext context, int maxSessions, int pendingDatagramsPerSession,
            long retransmitInitialMillis, long retransmitMaxMillis, long handshakeTimeoutMillis,
            long idleTimeoutMillis, long notInViewGraceMillis, long minRehandshakeIntervalMillis,
            long failureBackoffMillis) {
        this.context = context;
        this.maxSessions = atLeast("maxSessions", maxSessions, 1);
        this.pendingDatagramsPerSession = atLeast("pendingDatagramsPerSession", pendingDatagramsPerSession, 1);
        this.retransmitInitialMillis = atLeast("retransmitInitialMillis", retransmitInitialMillis, 1);
        this.retransmitMaxMillis = atLeast("retransmitMaxMillis", retransmitMaxMillis, retransmitInitialMillis);
        this.handshakeTimeoutMillis = atLeast("handshakeTimeoutMillis", handshakeTimeoutMillis, 1);
        this.idleTimeoutMillis = atLeast("idleTimeoutMillis", idleTimeoutMillis, 1);
        this.notInViewGraceMillis = atLeast("notInViewGraceMillis", notInViewGraceMillis, 0);
        this.minRehandshakeIntervalMillis = atLeast("minRehandshakeIntervalMillis", minRehandshakeIntervalMillis, 0);
        this.failureBackoffMillis = atLeast("failureBackoffMillis", failureBackoffMillis, 0);
    }

    /**
     * A configuration with the default bounds.
     *
     * @param keyStore this node's private key and certificate chain (exactly one key entry is used;
     *     the key manager picks it)
     * @param keyPassword the password of the key entry
     * @param trustStore the certificate authorities whose node certificates are accepted
     * @return a new configuration whose {@link SSLContext} is already initialised
     * @throws IllegalArgumentException if the stores cannot be used (wrong password, no key, no CA)
     * @throws NullPointerException if an argument is null
     */
    public static DtlsConfig of(KeyStore keyStore, char[] keyPassword, KeyStore trustStore) {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyPassword, "keyPassword");
        Objects.requireNonNull(trustStore, "trustStore");
        try {
            if (!hasKeyEntry(keyStore)) {
                throw new IllegalArgumentException("the DTLS key store holds no private key entry");
            }
            if (trustStore.size() == 0) {
                throw new IllegalArgumentException("the DTLS trust store holds no certificate authority");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, keyPassword);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("DTLSv1.2");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return new DtlsConfig(context, 256, 16, 200, 1_600, 10_000, 300_000, 30_000, 1_000, 1_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the DTLS key or trust store: " + e.getMessage(), e);
        }
    }

    private static boolean hasKeyEntry(KeyStore store) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    private DtlsConfig with(int sessions, int pending, long retransmitInitial, long retransmitMax, long handshake,
            long idle, long notInView, long rehandshake, long backoff) {
        return new DtlsConfig(context, sessions, pending, retransmitInitial, retransmitMax, handshake, idle,
                notInView, rehandshake, backoff);
    }

    /**
     * At most this many peers have a session (pending or established); more evict the least recently used.
     *
     * @param value the session limit, {@code >= 1}; default 256
     * @return a copy of this configuration with that value; this one is unchanged
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public DtlsConfig withMaxSessions(int value) {
        return with(value, pendingDatagramsPerSession, retransmitInitialMillis, retransmitMaxMillis,
                handshakeTimeoutMillis, idleTimeoutMillis, notInViewGraceMillis, minRehandshakeIntervalMillis,
                failureBackoffMillis);
    }

    /**
     * Datagrams held for a peer whose handshake has not completed; more are dropped and counted.
     *
     * @param value datagrams per pending session, {@code >= 1}; default 16
     * @return a copy of this configuration with that value; this one is unchanged
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public DtlsConfig withPendingDatagramsPerSession(int value) {
        return with(maxSessions, value, retransmitInitialMillis, retransmitMaxMillis, handshakeTimeoutMillis,
                idleTimeoutMillis, notInViewGraceMillis, minRehandshakeIntervalMillis, failureBackoffMillis);
    }

    /**
     * First handshake retransmission delay and its cap (the delay doubles after each retransmission).
     *
     * @param initial the first delay in milliseconds, {@code >= 1}; default 200
     * @param max the largest delay in milliseconds, {@code >= initial}; default 1,600
     * @return a copy of this configuration with that value; this one is unchanged
     * @throws IllegalArgumentException if {@code initial} is below 1 or {@code max} below {@code initial}
     */
    public DtlsConfig withRetransmitMillis(long initial, long max) {
        return with(maxSessions, pendingDatagramsPerSession, initial, max, handshakeTimeoutMillis, idleTimeoutMillis,
                notInViewGraceMillis, minRehandshakeIntervalMillis, failureBackoffMillis);
    }

    /**
     * How long a handshake may take before it is abandoned and its queued datagrams dropped.
     *
     * @param value the timeout in milliseconds, {@code >= 1}; default 10,000
     * @return a copy of this configuration with that value; this one is unchanged
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public DtlsConfig withHandshakeTimeoutMillis(long value) {
        return with(maxSessions, pendingDatagramsPerSession, retransmitInitialMillis, retransmitMaxMillis, value,
                idleTimeoutMillis, notInViewGraceMillis, minRehandshakeIntervalMillis, failureBackoffMillis);
    }

    /**
     * An established session without traffic for this long is closed.
     *
     * @param value the idle time in milliseconds, {@code >= 1}; default 300,000 (5 minutes)
     * @return a copy of this configuration with that value; this one is unchanged
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public DtlsConfig withIdleTimeoutMillis(long value) {
        return with(maxSessions, pendingDatagramsPerSession, retransmitInitialMillis, retransmitMaxMillis,
                handshakeTimeoutMillis, value, notInViewGraceMillis, minRehandshakeIntervalMillis,
                failureBackoffMillis);
    }

    /**
     * A session whose peer is in no view is closed once it has been quiet this long.
     *
     * @param value the grace in milliseconds, {@code >= 0}; default 30,000
     * @return a copy of this configuration with that value; this one is unchanged
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public DtlsConfig withNotInViewGraceMillis(long value) {
        return with(maxSessions, pendingDatagramsPerSession, retransmitInitialMillis, retransmitMaxMillis,
                handshakeTimeoutMillis, idleTimeoutMillis, value, minRehandshakeIntervalMillis, failureBackoffMillis);
    }

    /**
     * Shortest time between two handshakes with one peer triggered by that peer (a fresh
     * ClientHello or connect request on an established session, which starts a new handshake beside
     * the session): bounds what a forged one costs.
     *
     * @param value the interval in milliseconds, {@code >= 0}; default 1,000
     * @return a copy of this configuration with that value; this one is unchanged
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public DtlsConfig withMinRehandshakeIntervalMillis(long value) {
        return with(maxSessions, pendingDatagramsPerSession, retransmitInitialMillis, retransmitMaxMillis,
                handshakeTimeoutMillis, idleTimeoutMillis, notInViewGraceMillis, value, failureBackoffMillis);
    }

    /**
     * How long a peer is left alone after its handshake failed or timed out.
     *
     * @param value the backoff in milliseconds, {@code >= 0}; default 1,000
     * @return a copy of this configuration with that value; this one is unchanged
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public DtlsConfig withFailureBackoffMillis(long value) {
        return with(maxSessions, pendingDatagramsPerSession, retransmitInitialMillis, retransmitMaxMillis,
                handshakeTimeoutMillis, idleTimeoutMillis, notInViewGraceMillis, minRehandshakeIntervalMillis, value);
    }

    /** A new engine for one peer: DTLS 1.2 only, the AES-GCM suites, client certificates required. */
    SSLEngine newEngine(boolean client) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(client);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(new String[] {"DTLSv1.2"});
        parameters.setCipherSuites(CIPHER_SUITES);
        parameters.setNeedClientAuth(true);
        parameters.setMaximumPacketSize(UNFRAGMENTED_PACKET_BYTES);
        parameters.setEnableRetransmissions(true);
        engine.setSSLParameters(parameters);
        return engine;
    }

    /**
     * Sessions held at once, pending or established (see {@link #withMaxSessions}).
     *
     * @return the limit, {@code >= 1}
     */
    public int maxSessions() {
        return maxSessions;
    }

    /**
     * Datagrams queued for a peer while its handshake runs; more are dropped.
     *
     * @return the count, {@code >= 1}
     */
    public int pendingDatagramsPerSession() {
        return pendingDatagramsPerSession;
    }

    /**
     * Delay before a handshake flight is first resent, in milliseconds.
     *
     * @return the delay, {@code >= 1}
     */
    public long retransmitInitialMillis() {
        return retransmitInitialMillis;
    }

    /**
     * Largest delay between resends of a handshake flight (it doubles up to this), in milliseconds.
     *
     * @return the delay, {@code >= retransmitInitialMillis()}
     */
    public long retransmitMaxMillis() {
        return retransmitMaxMillis;
    }

    /**
     * How long an unfinished handshake lives before it is abandoned, in milliseconds.
     *
     * @return the timeout, {@code >= 1}
     */
    public long handshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    /**
     * How long an established session may go without traffic before it is closed, in milliseconds.
     *
     * @return the idle time, {@code >= 1}
     */
    public long idleTimeoutMillis() {
        return idleTimeoutMillis;
    }

    /**
     * How long a session whose peer is in neither view may stay quiet before it is closed, in milliseconds.
     *
     * @return the grace, {@code >= 0}
     */
    public long notInViewGraceMillis() {
        return notInViewGraceMillis;
    }

    /**
     * Shortest interval between two handshakes started beside a peer's established session, in milliseconds.
     *
     * @return the interval, {@code >= 0}
     */
    public long minRehandshakeIntervalMillis() {
        return minRehandshakeIntervalMillis;
    }

    /**
     * How long a peer is left alone after a failed or timed-out handshake, in milliseconds.
     *
     * @return the backoff, {@code >= 0}
     */
    public long failureBackoffMillis() {
        return failureBackoffMillis;
    }

    private static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    private static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }
}
