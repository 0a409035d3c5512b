package io.gossip.sim.network;

/**
 * Why the simulated network (not a node) failed to hand a message over. The nodes count their own
 * drops with {@link io.gossip.protocol.DropReason}; these are the network's.
 */
public enum NetworkDropReason {
    /** Lost by the loss model. */
    LOSS,
    /** Sender and receiver were in different groups of an active partition when it arrived. */
    PARTITION,
    /** The receiver had crashed. */
    CRASHED_DESTINATION,
    /** The receiver slot had never joined (only possible in the global baseline). */
    ABSENT_DESTINATION,
    /** The receiver had left the group (global baseline only: SCAMP nodes that left still get their messages). */
    LEFT_DESTINATION,
    /** The message would arrive after the end of the run. */
    AFTER_END;

    private static final NetworkDropReason[] VALUES = values();

    /** Number of reasons, for sizing counter arrays. */
    public static int count() {
        return VALUES.length;
    }

    /** The reason with the given ordinal. */
    public static NetworkDropReason ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
