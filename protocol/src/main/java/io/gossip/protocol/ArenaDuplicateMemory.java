package io.gossip.protocol;

import java.util.Arrays;

/**
 * The duplicate memories of a {@link ScampArena}'s nodes: in each node's record while it holds at
 * most {@link #IN_RECORD} messages (a scale run's ten broadcasts fit), then moved out into a
 * {@link DuplicateMemory}, the object version's own class, whose hash index keeps a run with
 * thousands of broadcasts from scanning and shifting a list of thousands of entries on every
 * message. Both follow {@link DuplicateMemory}'s rules (oldest forgotten first, by capacity and by
 * age), so moving changes nothing a node decides.
 */
final class ArenaDuplicateMemory {
    /** Messages a node's record remembers before its memory moves out. */
    static final int IN_RECORD = 32;

    private final ProtocolConfig config;
    private final long maxAgeMicros;
    private final NodeRecords records;
    /** The memories that moved out, by node; null until a node needs one. */
    private DuplicateMemory[] spilled;

    ArenaDuplicateMemory(ProtocolConfig config, NodeRecords records) {
        this.config = config;
        this.maxAgeMicros = config.duplicateMemoryAgeMicros();
        this.records = records;
    }

    /** {@link DuplicateMemory#contains}: in the record, or in the node's spilled memory. */
    boolean hasSeen(long nowMicros, int node, int[] r, int message) {
        DuplicateMemory memory = spilledOf(node);
        if (memory != null) {
            return memory.contains(message, nowMicros);
        }
        NodeRecord.seenExpire(r, nowMicros, maxAgeMicros);
        return NodeRecord.seenContains(r, message);
    }

    /** {@link DuplicateMemory#add}; moves the record's entries out when it would exceed {@link #IN_RECORD}. */
    void remember(long nowMicros, int node, int[] r, int message) {
        DuplicateMemory memory = spilledOf(node);
        if (memory == null) {
            NodeRecord.seenExpire(r, nowMicros, maxAgeMicros);
            int capacity = config.duplicateMemoryCapacity();
            if (r[NodeRecord.SEEN_SIZE] < IN_RECORD || capacity <= IN_RECORD) {
                records.store(node, NodeRecord.seenAdd(r, message, nowMicros, capacity));
                return;
            }
            memory = spill(node, r);
        }
        memory.add(message, nowMicros);
    }

    private DuplicateMemory spilledOf(int node) {
        return spilled == null || node >= spilled.length ? null : spilled[node];
    }

    /**
     * Moves the record's seen entries, oldest first with their times, into a new
     * {@link DuplicateMemory}: re-adding them in order gives it exactly the record's state.
     */
    private DuplicateMemory spill(int node, int[] r) {
        if (spilled == null) {
            spilled = new DuplicateMemory[records.capacity()];
        } else if (spilled.length < records.capacity()) {
            spilled = Arrays.copyOf(spilled, records.capacity());
        }
        DuplicateMemory memory = new DuplicateMemory(config.duplicateMemoryCapacity(), maxAgeMicros);
        for (int i = 0; i < r[NodeRecord.SEEN_SIZE]; i++) {
            memory.add(NodeRecord.seenMessage(r, i), NodeRecord.seenTime(r, i));
        }
        NodeRecord.seenClear(r);
        spilled[node] = memory;
        return memory;
    }
}
