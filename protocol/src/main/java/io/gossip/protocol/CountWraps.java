package io.gossip.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * The high halves of the arena's per-node message counts. A {@link NodeRecord} keeps the low 32 bits
 * of how many messages its node sent and was handed ({@link NodeRecord#SENT},
 * {@link NodeRecord#RECEIVED}), 4 bytes each instead of a {@code long}'s 8 in every record; a
 * count passes 2^32 only after that many messages of one node, so how many times each wrapped is
 * kept here, for the nodes that ever wrap one, and the counts stay exact.
 */
final class CountWraps {
    /** Wraps by {@code node << 32 | field}, the field being the count's index in the record. */
    private final Map<Long, Integer> wraps = new HashMap<>();

    /** Adds {@code amount} to the count at {@code field} of {@code node}'s record {@code r}, keeping its wrap. */
    void add(int node, int[] r, int field, int amount) {
        if (NodeRecord.addCount(r, field, amount)) {
            wrapped(node, field);
        }
    }

    /** The count at {@code field} of {@code node}'s record {@code r} passed 2^32 once more. */
    void wrapped(int node, int field) {
        wraps.merge(key(node, field), 1, Integer::sum);
    }

    /** The whole count at {@code field} of {@code node}, whose record is {@code r}. */
    long count(int node, int[] r, int field) {
        long high = wraps.getOrDefault(key(node, field), 0);
        return (high << 32) + Integer.toUnsignedLong(r[field]);
    }

    private static long key(int node, int field) {
        return (long) node << 32 | field;
    }
}
