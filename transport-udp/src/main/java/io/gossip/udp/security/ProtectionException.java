package io.gossip.udp.security;

import io.gossip.udp.TransportDropReason;
import java.util.Objects;

/**
 * A datagram that could not be sealed or opened. The {@link #reason()} is the counter the node
 * increments; the exception carries no stack trace, since forged datagrams are expected input.
 */
public final class ProtectionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The counter the dropped datagram goes to; never null. */
    private final TransportDropReason reason;
    /** What was wrong, for people; never key material. */
    private final String detail;

    /**
     * A failure for {@code reason}, with a human-readable {@code detail} (never key material). Cheap
     * to create: no stack trace, and the message is only assembled if asked for.
     *
     * @param reason the counter the dropped datagram goes to, not null
     * @param detail what was wrong, for a log line; the message is the reason, a colon and this detail
     * @throws NullPointerException if {@code reason} is null
     */
    public ProtectionException(TransportDropReason reason, String detail) {
        super(null, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = detail;
    }

    @Override
    public String getMessage() {
        return reason + ": " + detail;
    }

    /**
     * Which counter the dropped datagram goes to.
     *
     * @return the reason given at construction, never null
     */
    public TransportDropReason reason() {
        return reason;
    }
}
