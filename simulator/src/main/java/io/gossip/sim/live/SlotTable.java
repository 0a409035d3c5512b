package io.gossip.sim.live;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenario's view of a live run's node slots: which have joined (and in which order), which
 * are live members, which crashed or left. Used by the timeline driver thread only.
 */
final class SlotTable {
    static final byte UNUSED = 0;
    static final byte MEMBER = 1;
    static final byte CRASHED = 2;
    static final byte LEFT = 3;

    private final byte[] state;
    private final int[] joinTick;
    private final List<Integer> live = new ArrayList<>();
    private int joins;

    SlotTable(int size) {
        state = new byte[size];
        joinTick = new int[size];
    }

    int size() {
        return state.length;
    }

    /** Slots that never joined. */
    int unusedCount() {
        return state.length - joins;
    }

    /** Joins so far; the n-th join has tick n. */
    int joins() {
        return joins;
    }

    /** Marks the next unused slot a member and returns it, or -1 when none is left. */
    int join() {
        if (joins == state.length) {
            return -1;
        }
        int slot = joins++;
        state[slot] = MEMBER;
        joinTick[slot] = joins;
        live.add(slot);
        return slot;
    }

    /** Ends a live member's membership ({@link #CRASHED} or {@link #LEFT}). */
    void end(int slot, byte how) {
        if (state[slot] != MEMBER) {
            throw new IllegalStateException("slot " + slot + " is not a live member");
        }
        state[slot] = how;
        live.remove(Integer.valueOf(slot));
    }

    boolean isLive(int slot) {
        return state[slot] == MEMBER;
    }

    byte state(int slot) {
        return state[slot];
    }

    /** The join tick of a slot, 0 if it never joined. */
    int joinTick(int slot) {
        return joinTick[slot];
    }

    int liveCount() {
        return live.size();
    }

    /** The i-th live member, in join order. */
    int liveAt(int i) {
        return live.get(i);
    }

    /** The live member that joined first, or -1. */
    int lowestLive() {
        return live.isEmpty() ? -1 : live.get(0);
    }
}
