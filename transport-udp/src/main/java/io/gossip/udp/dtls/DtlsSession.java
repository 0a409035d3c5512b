package io.gossip.udp.dtls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * One peer's DTLS association: an {@link SSLEngine} driven without blocking, by calls that carry
 * the current time. It queues outbound application datagrams (boundedly) until the handshake has
 * completed, hands inbound ones over only once it has, and resends the last handshake flight when
 * the retransmission deadline passes with no answer. Delegated tasks (certificate checks, key
 * agreement) run inline on the calling thread. Confined to its endpoint's thread.
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

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final int MAX_STEPS = 256;

    private final SessionServices owner;
    private final InetSocketAddress peer;
    private final boolean client;
    private final SSLEngine engine;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private State state;
    private final FlightBuffer flight = new FlightBuffer();
    private byte[] clientRandom;
    private long handshakeDeadlineMicros;
    private long retransmitAtMicros = Long.MAX_VALUE;
    private long retransmitIntervalMicros;
    private long lastActivityMicros;
    private long establishedAtMicros;
    private long failedUntilMicros;

    DtlsSession(SessionServices owner, InetSocketAddress peer, boolean client, SSLEngine engine, long nowMicros) {
        this.owner = owner;
        this.peer = peer;
        this.client = client;
        this.engine = engine;
        this.state = client ? State.HANDSHAKING : State.AWAITING_HELLO;
        this.handshakeDeadlineMicros = nowMicros + owner.config().handshakeTimeoutMillis() * 1_000;
        this.lastActivityMicros = nowMicros;
        this.retransmitIntervalMicros = owner.config().retransmitInitialMillis() * 1_000;
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

    long establishedAtMicros() {
        return establishedAtMicros;
    }

    byte[] clientRandom() {
        return clientRandom;
    }

    /** Client role: sends the ClientHello. */
    void start(long nowMicros) {
        try {
            engine.beginHandshake();
            drive(nowMicros);
        } catch (SSLException e) {
            fail(nowMicros, DtlsCounter.HANDSHAKES_FAILED, true);
        }
        armRetransmit(nowMicros);
    }

    /** Server role with something to send: asks the peer to start. */
    void requestConnect(long nowMicros) {
        owner.transmit(peer, DtlsRecords.connectRequest());
        owner.count(DtlsCounter.CONNECT_REQUESTS_SENT);
        armRetransmit(nowMicros);
    }

    /** Server role: the peer's ClientHello arrived. */
    void accept(long nowMicros, ByteBuffer clientHello, byte[] random) {
        clientRandom = random;
        try {
            if (state == State.AWAITING_HELLO) {
                state = State.HANDSHAKING;
                engine.beginHandshake();
            }
        } catch (SSLException e) {
            fail(nowMicros, DtlsCounter.HANDSHAKES_FAILED, true);
            return;
        }
        onDatagram(nowMicros, clientHello);
    }

    /** Feeds one datagram of records from the peer to the engine. */
    void onDatagram(long nowMicros, ByteBuffer datagram) {
        if (state == State.FAILED || state == State.AWAITING_HELLO) {
            owner.count(DtlsCounter.REJECTED_NO_SESSION);
            return;
        }
        if (state == State.ESTABLISHED && flight.hasFinalFlight() && DtlsRecords.isEpochZeroHandshake(datagram)) {
            // The client is still retransmitting its last flight: our final flight was lost.
            owner.count(DtlsCounter.HANDSHAKE_RETRANSMISSIONS);
            owner.transmit(peer, flight.finalFlight());
        }
        boolean wasHandshaking = state == State.HANDSHAKING;
        try {
            for (int step = 0; step < MAX_STEPS && datagram.hasRemaining() && state != State.FAILED; step++) {
                SSLEngineResult result = unwrap(nowMicros, datagram);
                if (result == null || result.bytesConsumed() == 0) {
                    break;
                }
            }
            drive(nowMicros);
        } catch (SSLException e) {
            fail(nowMicros, state == State.ESTABLISHED ? DtlsCounter.REJECTED_BAD_RECORD
                    : DtlsCounter.HANDSHAKES_FAILED, true);
            return;
        }
        if (wasHandshaking && state == State.HANDSHAKING) {
            armRetransmit(nowMicros); // an answer came: the next flight (if any) gets a fresh timer
        }
    }

    /** Seals {@code plaintext} now if established, otherwise queues a copy (bounded). */
    void send(long nowMicros, ByteBuffer plaintext) {
        if (state == State.FAILED) {
            owner.count(DtlsCounter.PEER_BACKOFF_DROPPED);
        } else if (state == State.ESTABLISHED) {
            seal(nowMicros, plaintext);
        } else if (pending.size() >= owner.config().pendingDatagramsPerSession()) {
            owner.count(DtlsCounter.PENDING_QUEUE_FULL_DROPPED);
        } else {
            pending.add(ByteBuffer.allocate(plaintext.remaining()).put(plaintext).flip());
        }
    }

    /** The earliest time this session needs {@link #onTimer}. */
    long deadlineMicros() {
        return switch (state) {
            case AWAITING_HELLO, HANDSHAKING -> Math.min(retransmitAtMicros, handshakeDeadlineMicros);
            case ESTABLISHED -> lastActivityMicros + owner.config().idleTimeoutMillis() * 1_000;
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
                return nowMicros < lastActivityMicros + owner.config().idleTimeoutMillis() * 1_000;
            default:
                break;
        }
        if (nowMicros >= handshakeDeadlineMicros) {
            fail(nowMicros, DtlsCounter.HANDSHAKE_TIMEOUTS, false);
            return nowMicros < failedUntilMicros;
        }
        if (nowMicros >= retransmitAtMicros) {
            retransmit(nowMicros);
        }
        return true;
    }

    private void retransmit(long nowMicros) {
        long max = owner.config().retransmitMaxMillis() * 1_000;
        retransmitIntervalMicros = Math.min(max, retransmitIntervalMicros * 2);
        retransmitAtMicros = nowMicros + retransmitIntervalMicros;
        owner.count(DtlsCounter.HANDSHAKE_RETRANSMISSIONS);
        if (state == State.AWAITING_HELLO) {
            owner.transmit(peer, DtlsRecords.connectRequest());
            owner.count(DtlsCounter.CONNECT_REQUESTS_SENT);
            return;
        }
        try {
            if (engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
                wrap(nowMicros); // a wrap while waiting for the peer makes the engine resend its last flight
            }
            drive(nowMicros); // sends the resent records with whatever follows, as one datagram
        } catch (SSLException e) {
            fail(nowMicros, DtlsCounter.HANDSHAKES_FAILED, true);
        }
    }

    private void armRetransmit(long nowMicros) {
        if (state == State.AWAITING_HELLO || state == State.HANDSHAKING) {
            retransmitIntervalMicros = owner.config().retransmitInitialMillis() * 1_000;
            retransmitAtMicros = nowMicros + retransmitIntervalMicros;
        }
    }

    /** Runs the handshake forward until it needs input from the peer, then sends what it produced. */
    private void drive(long nowMicros) throws SSLException {
        try {
            step(nowMicros);
        } finally {
            flushFlight();
        }
    }

    private void step(long nowMicros) throws SSLException {
        for (int step = 0; step < MAX_STEPS && state != State.FAILED; step++) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runDelegatedTasks();
                case NEED_WRAP -> wrap(nowMicros);
                case NEED_UNWRAP_AGAIN -> unwrap(nowMicros, EMPTY);
                default -> {
                    if (state == State.HANDSHAKING && engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                            && engine.getSession().isValid()) {
                        established(nowMicros);
                    }
                    return;
                }
            }
        }
    }

    private void runDelegatedTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private void wrap(long nowMicros) throws SSLException {
        ByteBuffer net = owner.netScratch();
        net.clear();
        SSLEngineResult result = engine.wrap(EMPTY, net);
        net.flip();
        if (net.hasRemaining()) {
            flight.append(net);
        }
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("handshake record larger than " + net.capacity() + " bytes");
        }
        if (result.getStatus() == SSLEngineResult.Status.CLOSED && state != State.FAILED) {
            closedByEngine(nowMicros);
        } else if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            established(nowMicros);
        }
    }

    /** Sends the records of the flight just produced as one datagram; a server keeps its final one. */
    private void flushFlight() {
        ByteBuffer datagram = flight.take(state == State.ESTABLISHED && !client);
        if (datagram != null) {
            owner.transmit(peer, datagram);
        }
    }

    private SSLEngineResult unwrap(long nowMicros, ByteBuffer datagram) throws SSLException {
        ByteBuffer app = owner.appScratch();
        app.clear();
        SSLEngineResult result = engine.unwrap(datagram, app);
        switch (result.getStatus()) {
            case CLOSED -> {
                closedByEngine(nowMicros);
                return null;
            }
            case BUFFER_UNDERFLOW, BUFFER_OVERFLOW -> {
                owner.count(DtlsCounter.REJECTED_BAD_RECORD);
                return null;
            }
            default -> {
            }
        }
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            established(nowMicros);
        }
        if (result.bytesProduced() > 0) {
            app.flip();
            if (state == State.ESTABLISHED) {
                lastActivityMicros = nowMicros;
                owner.count(DtlsCounter.DATAGRAMS_OPENED);
                flight.confirmFinal(); // the peer sends application data: it has our Finished
                owner.deliver(peer, app);
            } else {
                owner.count(DtlsCounter.REJECTED_NO_SESSION); // never hand over data before the handshake is done
            }
        }
        return result;
    }

    private void seal(long nowMicros, ByteBuffer plaintext) {
        ByteBuffer net = owner.netScratch();
        net.clear();
        try {
            SSLEngineResult result = engine.wrap(plaintext, net);
            if (result.getStatus() != SSLEngineResult.Status.OK || plaintext.hasRemaining()) {
                owner.count(DtlsCounter.OVERSIZED_DROPPED);
                return;
            }
        } catch (SSLException e) {
            fail(nowMicros, DtlsCounter.HANDSHAKES_FAILED, false);
            return;
        }
        net.flip();
        lastActivityMicros = nowMicros;
        owner.count(DtlsCounter.DATAGRAMS_SEALED);
        owner.transmitCopy(peer, net);
    }

    private void established(long nowMicros) {
        if (state == State.ESTABLISHED) {
            return;
        }
        state = State.ESTABLISHED;
        establishedAtMicros = nowMicros;
        lastActivityMicros = nowMicros;
        retransmitAtMicros = Long.MAX_VALUE;
        owner.count(DtlsCounter.HANDSHAKES_COMPLETED);
        flushFlight(); // the Finished must leave before the first application record
        ByteBuffer next;
        while (state == State.ESTABLISHED && (next = pending.poll()) != null) {
            seal(nowMicros, next);
        }
    }

    private void closedByEngine(long nowMicros) {
        if (state == State.ESTABLISHED) {
            owner.count(DtlsCounter.CLOSED_BY_PEER);
            state = State.FAILED;
            failedUntilMicros = nowMicros; // nothing went wrong: the peer may reconnect at once
        } else {
            fail(nowMicros, DtlsCounter.HANDSHAKES_FAILED, false);
        }
    }

    /** Marks the session failed, drops its queue and, if asked, sends the engine's pending alert. */
    private void fail(long nowMicros, DtlsCounter reason, boolean flushAlert) {
        if (state == State.FAILED) {
            return;
        }
        boolean wasEstablished = state == State.ESTABLISHED;
        state = State.FAILED;
        owner.count(reason);
        owner.count(DtlsCounter.PENDING_DISCARDED, pending.size());
        pending.clear();
        failedUntilMicros = nowMicros + (wasEstablished ? 0 : owner.config().failureBackoffMillis() * 1_000);
        if (flushAlert) {
            flushAlert();
        }
    }

    private void flushAlert() {
        try {
            engine.closeOutbound();
            ByteBuffer net = owner.netScratch();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                net.clear();
                engine.wrap(EMPTY, net);
                net.flip();
                if (!net.hasRemaining()) {
                    break;
                }
                owner.transmitCopy(peer, net);
            }
        } catch (SSLException | RuntimeException ignored) {
            // the alert is a courtesy; the session is gone either way
        }
    }

    /**
     * Ends the session from this side: an established one tells the peer with a close_notify if
     * {@code notifyPeer} (so it drops its half too), a pending one drops its queue (counted).
     */
    void close(boolean notifyPeer) {
        if (state == State.ESTABLISHED) {
            if (notifyPeer) {
                flushAlert();
            }
        } else {
            owner.count(DtlsCounter.PENDING_DISCARDED, pending.size());
            pending.clear();
        }
        state = State.FAILED;
    }

    @Override
    public String toString() {
        return "DtlsSession[" + peer + (client ? " client " : " server ") + state + " engine="
                + engine.getHandshakeStatus() + " retransmitAt=" + retransmitAtMicros + "]";
    }
}
