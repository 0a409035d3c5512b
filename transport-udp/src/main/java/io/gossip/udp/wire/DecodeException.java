package io.gossip.udp.wire;

import java.util.Objects;

/**
 * A datagram that is not a well-formed message of the wire format. The only exception
 * {@link WireCodec#decode} throws; the {@link #reason()} says which rule was broken.
 */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    /** A rejection for {@code reason}, with a human-readable {@code detail}. */
    public DecodeException(RejectReason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail, null, false, false);
        this.reason = reason;
    }

    /** Which rule of the format the datagram broke. */
    public RejectReason reason() {
        return reason;
    }
}
