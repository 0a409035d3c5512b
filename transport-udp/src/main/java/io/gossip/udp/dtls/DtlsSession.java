package io.gossip.udp.dtls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * One peer's DTLS association: an {@link SSLEngine} driven without blocking, by calls that carry
 * the current time. It queues outbound application datagrams (boundedly) until the handshake has
 * completed, hands inbound ones over only once it has, and resends the last handshake flight when
 * the retransmission deadline passes with no answer. Delegated tasks (certificate checks, key
 * agreement) run inline on the calling thread. Confined to its endpoint's thread.
 *
 * <p>Until the peer has shown it receives at its address (the handshake completed) or this node
 * itself chose to talk to it, the session sends that address at most {@value #AMPLIFICATION_FACTOR}
 * times the bytes that came from it (QUIC's anti-amplification rule, RFC 9000 section 8.1): a
 * spoofed connect request, stray record or replayed ClientHello cannot turn the node into a
 * reflector that floods a third party with handshake flights and their retransmissions.
 *
 * <p>Every call into the engine treats an unchecked exception like an {@link SSLException}: the
 * session fails. The JDK 17 engine throws some on malformed input from the network (a mutated
 * handshake record made a delegated task throw a {@code ClassCastException}), and before this
 * such a datagram, from any address, threw out of the endpoint into the event loop.
 *
 * <p>This class holds the association's state and its transitions; the engine calls live in its
 * {@link EngineDriver}, the retransmission and handshake deadlines in its {@link HandshakeTimer}.
 */
final class DtlsSession {
    enum State {
        /** Server role, waiting for the peer's ClientHello after sending a connect request. */
        AWAITING_HELLO,
        HANDSHAKING,
        ESTABLISHED,
        /** Failed or timed out; kept until the backoff ends so the peer is not retried at once. */
        FAILED
    }

    /** An unproven peer address gets at most this many times the bytes received from it. */
    static final int AMPLIFICATION_FACTOR = 3;

    private final SessionServices services;
    private final InetSocketAddress peer;
    private final boolean client;
    private final EngineDriver driver;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private State state;
    private byte[] clientRandom;
    private final HandshakeTimer timer;
    private long lastActivityMicros;
    private long establishedAtMicros;
    /** When a candidate handshake last started beside this established session (see InboundRouter). */
    private long candidateStartedAtMicros = Long.MIN_VALUE;
    private long failedUntilMicros;
    /** Whether output to the peer is unlimited: this node asked for the session, or the handshake completed. */
    private boolean addressProven;
    private long bytesReceived;
    private long bytesSent;

    /**
     * @param wanted whether this node opened the session to send to the peer (its address is then
     *     not the word of whoever sent a datagram claiming it)
     */
    DtlsSession(SessionServices services, InetSocketAddress peer, boolean client, SSLEngine engine, long nowMicros,
            boolean wanted) {
        this.services = services;
        this.addressProven = wanted;
        this.peer = peer;
        this.client = client;
        this.driver = new EngineDriver(this, services, peer, engine);
        this.state = client ? State.HANDSHAKING : State.AWAITING_HELLO;
        this.timer = new HandshakeTimer(services.config(), nowMicros);
        this.lastActivityMicros = nowMicros;
    }

    InetSocketAddress peer() {
        return peer;
    }

    boolean isClient() {
        return client;
    }

    State state() {
        return state;
    }

    boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    long lastActivityMicros() {
        return lastActivityMicros;
    }

    /**
     * When this session last set up keys or had a handshake started beside it: the re-handshake
     * limit counts from then, so a stream of ClientHellos claiming the peer's address starts one
     * candidate per interval, not one each.
     */
    long lastHandshakeMicros() {
        return Math.max(establishedAtMicros, candidateStartedAtMicros);
    }

    /** A candidate handshake starts beside this established session now. */
    void candidateStarted(long nowMicros) {
        candidateStartedAtMicros = nowMicros;
    }

    byte[] clientRandom() {
        return clientRandom;
    }

    /** Counts a datagram that arrived from the peer's address for this session. */
    void received(int bytes) {
        bytesReceived += bytes;
    }

    /** Whether output to the peer is unlimited: this node wants the session, or it is established. */
    boolean isAddressProven() {
        return addressProven;
    }

    /** This node sends to the peer itself: its address is no longer only a sender's claim. */
    void markWanted() {
        addressProven = true;
    }

    /**
     * Puts a datagram for the peer on the wire (the callee may keep the buffer), unless the peer's
     * address is unproven and it would take the bytes sent there past
     * {@value #AMPLIFICATION_FACTOR} times those received from there (counted, dropped).
     */
    void transmit(ByteBuffer datagram) {
        int bytes = datagram.remaining();
        if (!addressProven && bytesSent + bytes > AMPLIFICATION_FACTOR * bytesReceived) {
            services.count(DtlsCounter.AMPLIFICATION_LIMIT_DROPPED);
            return;
        }
        bytesSent += bytes;
        services.transmit(peer, datagram);
    }

    /** Client role: sends the ClientHello. */
    void start(long nowMicros) {
        try {
            driver.beginHandshake();
            driver.drive(nowMicros);
        } catch (SSLException | RuntimeException e) { // see the class comment
            fail(nowMicros, DtlsCounter.HANDSHAKES_FAILED, true);
        }
        armRetransmit(nowMicros);
    }

    /** Server role with something to send: asks the peer to start. */
    void requestConnect(long nowMicros) {
        transmit(DtlsRecords.connectRequest());
        services.count(DtlsCounter.CONNECT_REQUESTS_SENT);
        armRetransmit(nowMicros);
    }

    /** Server role: the peer's ClientHello arrived. */
    void accept(long nowMicros, ByteBuffer clientHello, byte[] random) {
        clientRandom = random;
        try {
            if (state == State.AWAITING_HELLO) {
                state = State.HANDSHAKING;
                driver.beginHandshake();
            }
        } catch (SSLException | RuntimeException e) { // see the class comment
            fail(nowMicros, DtlsCounter.HANDSHAKES_FAILED, true);
            return;
        }
        onDatagram(nowMicros, clientHello);
    }

    /** Feeds one datagram of records from the peer to the engine. */
    void onDatagram(long nowMicros, ByteBuffer datagram) {
        onDatagram(nowMicros, datagram, null);
    }

    /**
     * Feeds one datagram of records from the peer to the engine; an application record this
     * established session cannot open goes to {@code retiring} (the session it replaced, or null).
     */
    void onDatagram(long nowMicros, ByteBuffer datagram, DtlsSession retiring) {
        if (state == State.FAILED || state == State.AWAITING_HELLO) {
            services.count(DtlsCounter.REJECTED_NO_SESSION);
            return;
        }
        if (state == State.ESTABLISHED) {
            driver.resendFinalFlightIfAsked(datagram);
        }
        boolean wasHandshaking = state == State.HANDSHAKING;
        try {
            driver.consume(nowMicros, datagram, retiring);
        } catch (SSLException | RuntimeException e) { // see the class comment
            fail(nowMicros, state == State.ESTABLISHED ? DtlsCounter.REJECTED_BAD_RECORD
                    : DtlsCounter.HANDSHAKES_FAILED, true);
            return;
        }
        if (wasHandshaking && state == State.HANDSHAKING) {
            armRetransmit(nowMicros); // an answer came: the next flight (if any) gets a fresh timer
        }
    }

    /**
     * As a retiring session (replaced, see {@link SessionTable}): opens one application record its
     * successor could not and delivers it. Returns whether it did; never sends anything, whatever the
     * record (no alert, no flight), and an engine error only closes it.
     */
    boolean openRetired(ByteBuffer record) {
        if (state != State.ESTABLISHED) {
            return false;
        }
        try {
            return driver.openOnly(record);
        } catch (SSLException | RuntimeException e) { // see the class comment
            close(false);
            return false;
        }
    }

    /** Seals {@code plaintext} now if established, otherwise queues a copy (bounded). */
    void send(long nowMicros, ByteBuffer plaintext) {
        if (state == State.FAILED) {
            services.count(DtlsCounter.PEER_BACKOFF_DROPPED);
        } else if (state == State.ESTABLISHED) {
            driver.seal(nowMicros, plaintext);
        } else if (pending.size() >= services.config().pendingDatagramsPerSession()) {
            services.count(DtlsCounter.PENDING_QUEUE_FULL_DROPPED);
        } else {
            pending.add(ByteBuffer.allocate(plaintext.remaining()).put(plaintext).flip());
        }
    }

    /** The earliest time this session needs {@link #onTimer}. */
    long deadlineMicros() {
        return switch (state) {
            case AWAITING_HELLO, HANDSHAKING -> timer.deadlineMicros();
            case ESTABLISHED -> lastActivityMicros + services.config().idleTimeoutMillis() * 1_000;
            case FAILED -> failedUntilMicros;
        };
    }

    /**
     * Handles due deadlines: abandons a handshake that took too long, resends the last flight (or
     * connect request) when its answer is overdue. Returns false once the session should be
     * removed: its failure backoff ended, or it has been idle too long.
     */
    boolean onTimer(long nowMicros) {
        switch (state) {
            case FAILED:
                return nowMicros < failedUntilMicros;
            case ESTABLISHED:
                return nowMicros < lastActivityMicros + services.config().idleTimeoutMillis() * 1_000;
            default:
                break;
        }
        if (nowMicros >= timer.handshakeDeadlineMicros()) {
            fail(nowMicros, DtlsCounter.HANDSHAKE_TIMEOUTS, false);
            return nowMicros < failedUntilMicros;
        }
        if (nowMicros >= timer.retransmitAtMicros()) {
            retransmit(nowMicros);
        }
        return true;
    }

    private void retransmit(long nowMicros) {
        timer.backOff(nowMicros);
        services.count(DtlsCounter.HANDSHAKE_RETRANSMISSIONS);
        if (state == State.AWAITING_HELLO) {
            transmit(DtlsRecords.connectRequest());
            services.count(DtlsCounter.CONNECT_REQUESTS_SENT);
            return;
        }
        try {
            driver.resendLastFlight(nowMicros);
        } catch (SSLException | RuntimeException e) { // see the class comment
            fail(nowMicros, DtlsCounter.HANDSHAKES_FAILED, true);
        }
    }

    private void armRetransmit(long nowMicros) {
        if (state == State.AWAITING_HELLO || state == State.HANDSHAKING) {
            timer.restart(nowMicros);
        }
    }

    /** Records traffic through the established session (it defers the idle timeout). */
    void touch(long nowMicros) {
        lastActivityMicros = nowMicros;
    }

    /** The handshake completed: sends its last records, then everything queued meanwhile. */
    void established(long nowMicros) {
        if (state == State.ESTABLISHED) {
            return;
        }
        state = State.ESTABLISHED;
        addressProven = true; // the peer answered the flights this node sent to that address
        establishedAtMicros = nowMicros;
        lastActivityMicros = nowMicros;
        timer.stop();
        services.count(DtlsCounter.HANDSHAKES_COMPLETED);
        driver.flushFlight(); // the Finished must leave before the first application record
        ByteBuffer next;
        while (state == State.ESTABLISHED && (next = pending.poll()) != null) {
            driver.seal(nowMicros, next);
        }
    }

    /** The engine reports the association closed: a close_notify, or a handshake it abandoned. */
    void closedByEngine(long nowMicros) {
        if (state == State.ESTABLISHED) {
            services.count(DtlsCounter.CLOSED_BY_PEER);
            state = State.FAILED;
            failedUntilMicros = nowMicros; // nothing went wrong: the peer may reconnect at once
        } else {
            fail(nowMicros, DtlsCounter.HANDSHAKES_FAILED, false);
        }
    }

    /** Marks the session failed, drops its queue and, if asked, sends the engine's pending alert. */
    void fail(long nowMicros, DtlsCounter reason, boolean flushAlert) {
        if (state == State.FAILED) {
            return;
        }
        boolean wasEstablished = state == State.ESTABLISHED;
        state = State.FAILED;
        services.count(reason);
        services.count(DtlsCounter.PENDING_DISCARDED, pending.size());
        pending.clear();
        failedUntilMicros = nowMicros + (wasEstablished ? 0 : services.config().failureBackoffMillis() * 1_000);
        if (flushAlert) {
            driver.flushAlert();
        }
    }

    /**
     * Ends the session from this side: an established one tells the peer with a close_notify if
     * {@code notifyPeer} (so it drops its half too), a pending one drops its queue (counted).
     */
    void close(boolean notifyPeer) {
        if (state == State.ESTABLISHED) {
            if (notifyPeer) {
                driver.flushAlert();
            }
        } else {
            services.count(DtlsCounter.PENDING_DISCARDED, pending.size());
            pending.clear();
        }
        state = State.FAILED;
    }

    @Override
    public String toString() {
        return "DtlsSession[" + peer + (client ? " client " : " server ") + state + " engine="
                + driver.handshakeStatus() + " retransmitAt=" + timer.retransmitAtMicros() + "]";
    }
}
