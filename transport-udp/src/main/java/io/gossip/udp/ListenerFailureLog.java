package io.gossip.udp;

/**
 * Reports exceptions thrown by a node's {@link DeliveryListener}: a bug in the application, which
 * the node survives (it counts {@link TransportDropReason#LISTENER_FAILED} and goes on) but must
 * not hide. Logged through {@link System.Logger} {@code io.gossip.udp} at WARNING with the
 * exception: the first {@value #LOGGED_IN_FULL} failures of a node, then only the 10th, 100th,
 * 1,000th and so on, so a listener that fails on every message cannot flood the log. Confined to
 * the loop thread, like the node.
 */
final class ListenerFailureLog {
    /** Failures of one node logged one by one before the log thins out to powers of ten. */
    static final int LOGGED_IN_FULL = 5;
    private static final System.Logger LOG = System.getLogger("io.gossip.udp");

    private final PeerAddress node;
    private long failures;

    ListenerFailureLog(PeerAddress node) {
        this.node = node;
    }

    /** Notes one failure of the listener on message {@code id}; logs it if its turn has come. */
    void failed(MessageId id, Throwable e) {
        failures++;
        if (failures <= LOGGED_IN_FULL || isPowerOfTen(failures)) {
            LOG.log(System.Logger.Level.WARNING, "node " + node + ": the delivery listener threw on message " + id
                    + " (failure " + failures + " of this node, counted as LISTENER_FAILED; the first "
                    + LOGGED_IN_FULL + " are logged, then the 10th, 100th, 1,000th...)", e);
        }
    }

    private static boolean isPowerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
