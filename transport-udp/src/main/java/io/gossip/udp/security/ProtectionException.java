package io.gossip.udp.security;

import io.gossip.udp.TransportDropReason;
import java.util.Objects;

/**
 * A datagram that could not be sealed or opened. The {@link #reason()} is the counter the node
 * increments; the exception carries no stack trace, since forged datagrams are expected input.
 */
public final class ProtectionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final TransportDropReason reason;
    private final String detail;

    /**
     * A failure for {@code reason}, with a human-readable {@code detail} (never key material). Cheap
     * to create: no stack trace, and the message is only assembled if asked for.
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

    /** Which counter the dropped datagram goes to. */
    public TransportDropReason reason() {
        return reason;
    }
}
