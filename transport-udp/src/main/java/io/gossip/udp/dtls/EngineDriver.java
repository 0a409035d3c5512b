package io.gossip.udp.dtls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The {@link SSLEngine} side of one {@link DtlsSession}: every wrap and unwrap goes through here.
 * It runs the handshake forward without blocking (delegated tasks inline on the calling thread)
 * until the engine needs the peer, gathers each flight's records into one datagram
 * ({@link FlightBuffer}), opens inbound records and hands their plaintext over only once the
 * session is established, seals outbound plaintext as one record each, and writes alerts. The
 * session keeps the state and the timers; this class reads the state and reports what the engine
 * did through the session's transitions (established, closed by the engine, failed), so the
 * engine's result codes are interpreted in one place. Confined to its endpoint's thread.
 */
final class EngineDriver {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final int MAX_STEPS = 256;

    private final DtlsSession session;
    private final SessionServices services;
    private final InetSocketAddress peer;
    private final SSLEngine engine;
    private final FlightBuffer flight = new FlightBuffer();

    EngineDriver(DtlsSession session, SessionServices services, InetSocketAddress peer, SSLEngine engine) {
        this.session = session;
        this.services = services;
        this.peer = peer;
        this.engine = engine;
    }

    void beginHandshake() throws SSLException {
        engine.beginHandshake();
    }

    HandshakeStatus handshakeStatus() {
        return engine.getHandshakeStatus();
    }

    /** On an established session: resends the kept final flight if {@code datagram} asks for it. */
    void resendFinalFlightIfAsked(ByteBuffer datagram) {
        if (flight.hasFinalFlight() && DtlsRecords.isEpochZeroHandshake(datagram)) {
            // The client is still retransmitting its last flight: our final flight was lost.
            services.count(DtlsCounter.HANDSHAKE_RETRANSMISSIONS);
            session.transmit(flight.finalFlight());
        }
    }

    /**
     * Feeds the records of one datagram from the peer to the engine, then drives the handshake on.
     * An application record the established session cannot open goes to {@code retiring}, if not null.
     */
    void consume(long nowMicros, ByteBuffer datagram, DtlsSession retiring) throws SSLException {
        for (int step = 0; step < MAX_STEPS && datagram.hasRemaining()
                && session.state() != DtlsSession.State.FAILED; step++) {
            SSLEngineResult result = unwrap(nowMicros, datagram, retiring);
            if (result == null || result.bytesConsumed() == 0) {
                break;
            }
        }
        drive(nowMicros);
    }

    /** Makes the engine resend its last flight: the answer to it is overdue. */
    void resendLastFlight(long nowMicros) throws SSLException {
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
            wrap(nowMicros); // a wrap while waiting for the peer makes the engine resend its last flight
        }
        drive(nowMicros); // sends the resent records with whatever follows, as one datagram
    }

    /** Runs the handshake forward until it needs input from the peer, then sends what it produced. */
    void drive(long nowMicros) throws SSLException {
        try {
            step(nowMicros);
        } finally {
            flushFlight();
        }
    }

    private void step(long nowMicros) throws SSLException {
        for (int step = 0; step < MAX_STEPS && session.state() != DtlsSession.State.FAILED; step++) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runDelegatedTasks();
                case NEED_WRAP -> wrap(nowMicros);
                case NEED_UNWRAP_AGAIN -> unwrap(nowMicros, EMPTY, null);
                default -> {
                    if (session.state() == DtlsSession.State.HANDSHAKING
                            && engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                            && engine.getSession().isValid()) {
                        session.established(nowMicros);
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
        ByteBuffer net = services.netScratch();
        net.clear();
        SSLEngineResult result = engine.wrap(EMPTY, net);
        net.flip();
        if (net.hasRemaining()) {
            flight.append(net);
        }
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("handshake record larger than " + net.capacity() + " bytes");
        }
        if (result.getStatus() == SSLEngineResult.Status.CLOSED && session.state() != DtlsSession.State.FAILED) {
            session.closedByEngine(nowMicros);
        } else if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            session.established(nowMicros);
        }
    }

    /** Sends the records of the flight just produced as one datagram; a server keeps its final one. */
    void flushFlight() {
        ByteBuffer datagram = flight.take(session.isEstablished() && !session.isClient());
        if (datagram != null) {
            session.transmit(datagram);
        }
    }

    private SSLEngineResult unwrap(long nowMicros, ByteBuffer datagram, DtlsSession retiring) throws SSLException {
        ByteBuffer app = services.appScratch();
        app.clear();
        int start = datagram.position();
        boolean applicationRecord = DtlsRecords.isApplicationRecord(datagram);
        boolean wasEstablished = session.isEstablished();
        SSLEngineResult result = engine.unwrap(datagram, app);
        switch (result.getStatus()) {
            case CLOSED -> {
                session.closedByEngine(nowMicros);
                return null;
            }
            case BUFFER_UNDERFLOW, BUFFER_OVERFLOW -> {
                services.count(DtlsCounter.REJECTED_BAD_RECORD);
                return null;
            }
            default -> {
            }
        }
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            session.established(nowMicros);
        }
        if (applicationRecord && wasEstablished && result.bytesConsumed() > 0 && result.bytesProduced() == 0) {
            // The engine drops an application record that fails authentication or its replay
            // window without a word (RFC 6347, 4.1.2.7: never fatal, so a spoofed datagram cannot
            // end a session); we send no empty ones, so this is such a record. The session this one
            // just replaced may open it (the peer had not switched keys yet): then it is delivered
            // and counted as opened there, not as rejected; otherwise count it.
            if (retiring == null || !retiring.openRetired(record(datagram, start, result))) {
                services.count(DtlsCounter.REJECTED_BAD_RECORD);
            }
            return result;
        }
        if (result.bytesProduced() > 0) {
            app.flip();
            if (session.isEstablished()) {
                session.touch(nowMicros);
                services.count(DtlsCounter.DATAGRAMS_OPENED);
                flight.confirmFinal(); // the peer sends application data: it has our Finished
                services.deliver(peer, app);
            } else {
                services.count(DtlsCounter.REJECTED_NO_SESSION); // never hand over data before the handshake is done
            }
        }
        return result;
    }

    /** The record {@code result} consumed from {@code datagram}, which started at {@code start}. */
    private static ByteBuffer record(ByteBuffer datagram, int start, SSLEngineResult result) {
        ByteBuffer record = datagram.duplicate();
        record.limit(start + result.bytesConsumed()).position(start);
        return record;
    }

    /**
     * For a retiring session: opens one application record and delivers its plaintext. Only unwraps,
     * never wraps, so whatever the engine would answer is never sent. Returns whether it delivered.
     */
    boolean openOnly(ByteBuffer record) throws SSLException {
        ByteBuffer app = services.appScratch();
        app.clear();
        SSLEngineResult result = engine.unwrap(record, app);
        if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesProduced() == 0) {
            return false;
        }
        app.flip();
        services.count(DtlsCounter.DATAGRAMS_OPENED);
        services.deliver(peer, app);
        return true;
    }

    /** Seals {@code plaintext} as one application record and sends it; the session is established. */
    void seal(long nowMicros, ByteBuffer plaintext) {
        ByteBuffer net = services.netScratch();
        net.clear();
        try {
            SSLEngineResult result = engine.wrap(plaintext, net);
            if (result.getStatus() != SSLEngineResult.Status.OK || plaintext.hasRemaining()) {
                services.count(DtlsCounter.OVERSIZED_DROPPED);
                return;
            }
        } catch (SSLException | RuntimeException e) { // as in DtlsSession: the session fails
            session.fail(nowMicros, DtlsCounter.HANDSHAKES_FAILED, false);
            return;
        }
        net.flip();
        session.touch(nowMicros);
        services.count(DtlsCounter.DATAGRAMS_SEALED);
        session.transmit(copy(net));
    }

    private static ByteBuffer copy(ByteBuffer datagram) {
        return ByteBuffer.allocate(datagram.remaining()).put(datagram).flip();
    }

    /** Closes the engine's outbound side and sends the alert it produces (a close_notify or an error). */
    void flushAlert() {
        try {
            engine.closeOutbound();
            ByteBuffer net = services.netScratch();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                net.clear();
                engine.wrap(EMPTY, net);
                net.flip();
                if (!net.hasRemaining()) {
                    break;
                }
                session.transmit(copy(net));
            }
        } catch (SSLException | RuntimeException ignored) {
            // the alert is a courtesy; the session is gone either way
        }
    }
}
