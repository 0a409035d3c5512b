package io.gossip.udp.wire;

import java.util.Objects;

/**
 * A datagram that is not a well-formed message of the wire format. The only exception
 * {@link WireCodec#decode} throws; the {@link #reason()} says which rule was broken.
 */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The rule the datagram broke; never null. */
    private final RejectReason reason;

    /**
     * A rejection for {@code reason}, with a human-readable {@code detail}.
     *
     * @param reason the rule the datagram broke, not null
     * @param detail what was wrong (a field's name and value, a length); the message is the reason,
     *     a colon and this detail
     * @throws NullPointerException if {@code reason} is null
     */
    public DecodeException(RejectReason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail, null, false, false);
        this.reason = reason;
    }

    /**
     * Which rule of the format the datagram broke.
     *
     * @return the reason given at construction, never null
     */
    public RejectReason reason() {
        return reason;
    }
}
