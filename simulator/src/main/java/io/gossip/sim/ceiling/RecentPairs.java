package io.gossip.sim.ceiling;

import io.gossip.sim.run.RunSeeds;
import java.util.Arrays;

/**
 * The (receiver, sender, seq) triples the ceiling loop's nodes handled within the retransmission
 * horizon, so that a retransmission of a handled message is acked and ignored. Two open-addressing
 * hash sets of generations: inserts go to the current one, lookups check both, and every horizon
 * the older one is cleared and becomes the current one, so a triple is remembered for at least one
 * horizon and at most two. One table for all nodes: what is remembered is a horizon's worth of
 * membership traffic (about ten thousand triples with c = 1), not one list per node. A table that
 * gets half full doubles (a large c sends many more copies of each subscription).
 */
final class RecentPairs {
    private final long horizonMicros;
    private long[] current;
    private long[] older;
    private int currentCount;
    private long rotateAtMicros;

    /** @param capacityBits log2 of each table's first slots; it doubles whenever it is half full */
    RecentPairs(long horizonMicros, int capacityBits) {
        this.horizonMicros = horizonMicros;
        current = new long[1 << capacityBits];
        older = new long[1 << capacityBits];
        rotateAtMicros = horizonMicros;
    }

    /** Remembers the triple; false if it was already remembered. */
    boolean firstTime(long nowMicros, int receiver, int sender, int seq) {
        if (nowMicros >= rotateAtMicros) {
            long[] cleared = older.length == current.length ? older : new long[current.length];
            Arrays.fill(cleared, 0);
            older = current;
            current = cleared;
            currentCount = 0;
            rotateAtMicros = nowMicros + horizonMicros;
        }
        long key = ((long) receiver << 40) ^ ((long) sender << 20) ^ (seq * 0x9E37_79B9_7F4A_7C15L);
        key = key == 0 ? 1 : key; // 0 marks an empty slot
        if (contains(current, key) || contains(older, key)) {
            return false;
        }
        if (2 * ++currentCount > current.length) {
            long[] full = current;
            current = new long[Math.multiplyExact(full.length, 2)];
            for (long k : full) {
                if (k != 0) {
                    insert(current, k);
                }
            }
        }
        insert(current, key);
        return true;
    }

    private static void insert(long[] table, long key) {
        int mask = table.length - 1;
        int i = (int) (RunSeeds.mix(key) & mask);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = key;
    }

    private static boolean contains(long[] table, long key) {
        int mask = table.length - 1;
        for (int i = (int) (RunSeeds.mix(key) & mask); ; i = (i + 1) & mask) {
            long k = table[i];
            if (k == 0) {
                return false;
            }
            if (k == key) {
                return true;
            }
        }
    }
}
