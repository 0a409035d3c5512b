package io.gossip.udp;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of a failed {@link GossipNode#join join}: the contact never acknowledged the node's
 * subscription, or the node left or was closed before it did. Completes the future that
 * {@code join} returns exceptionally.
 */
public final class JoinFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The contact the node tried to join through; never null. */
    private final PeerAddress contact;
    /** How long after {@code join} the failure was known; never null. */
    private final Duration elapsed;

    JoinFailedException(PeerAddress contact, Duration elapsed, String why) {
        super("the join through " + contact + " failed: " + why);
        this.contact = Objects.requireNonNull(contact, "contact");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * The contact the node tried to join through.
     *
     * @return the address given to {@link GossipNode#join}, never null
     */
    public PeerAddress contact() {
        return contact;
    }

    /**
     * How long after {@code join} the failure was known.
     *
     * @return the time from the call to the failure, never null or negative: about 15.75 s when every
     *     attempt ran out with the default protocol configuration
     */
    public Duration elapsed() {
        return elapsed;
    }
}
