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

    /** A failure for {@code reason}, with a human-readable {@code detail} (never key material). */
    public ProtectionException(TransportDropReason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail, null, false, false);
        this.reason = reason;
    }

    /** Which counter the dropped datagram goes to. */
    public TransportDropReason reason() {
        return reason;
    }
}
