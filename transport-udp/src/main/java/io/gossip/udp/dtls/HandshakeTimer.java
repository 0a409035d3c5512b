package io.gossip.udp.dtls;

/**
 * The two deadlines of one session's handshake: the retransmission deadline, whose interval starts
 * at {@code retransmitInitialMillis} and doubles up to {@code retransmitMaxMillis} while no answer
 * comes (so a lossy or slow path is not flooded), and the overall handshake deadline, fixed when the
 * session is created, after which the session gives up. Holds times only; the session decides what
 * to resend and when to fail. Confined to its endpoint's thread.
 */
final class HandshakeTimer {
    private final DtlsConfig config;
    private final long handshakeDeadlineMicros;
    private long retransmitAtMicros = Long.MAX_VALUE;
    private long retransmitIntervalMicros;

    HandshakeTimer(DtlsConfig config, long nowMicros) {
        this.config = config;
        this.handshakeDeadlineMicros = nowMicros + config.handshakeTimeoutMillis() * 1_000;
        this.retransmitIntervalMicros = config.retransmitInitialMillis() * 1_000;
    }

    /** When the handshake is abandoned. */
    long handshakeDeadlineMicros() {
        return handshakeDeadlineMicros;
    }

    /** When the last flight (or connect request) is resent, or {@link Long#MAX_VALUE} if not armed. */
    long retransmitAtMicros() {
        return retransmitAtMicros;
    }

    /** The earlier of the two deadlines. */
    long deadlineMicros() {
        return Math.min(retransmitAtMicros, handshakeDeadlineMicros);
    }

    /** Arms the retransmission deadline with the initial interval: a new flight just left. */
    void restart(long nowMicros) {
        retransmitIntervalMicros = config.retransmitInitialMillis() * 1_000;
        retransmitAtMicros = nowMicros + retransmitIntervalMicros;
    }

    /** Doubles the interval (capped) and arms the next deadline: a retransmission is going out. */
    void backOff(long nowMicros) {
        long max = config.retransmitMaxMillis() * 1_000;
        retransmitIntervalMicros = Math.min(max, retransmitIntervalMicros * 2);
        retransmitAtMicros = nowMicros + retransmitIntervalMicros;
    }

    /** Disarms the retransmission deadline: the handshake has completed. */
    void stop() {
        retransmitAtMicros = Long.MAX_VALUE;
    }
}
