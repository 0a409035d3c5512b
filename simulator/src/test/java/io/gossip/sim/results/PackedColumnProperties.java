package io.gossip.sim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A {@link PackedColumn} must give back every value set, at any width, while taking the narrowest
 * width its values fit: checked against a plain {@code long[]} under random values of every size.
 */
class PackedColumnProperties {
    /** Values drawn around each width's limits, where an off-by-one in the fit test would show. */
    private static final long[] EDGES = {0, 1, -1, Byte.MAX_VALUE, Byte.MIN_VALUE, Byte.MAX_VALUE + 1L,
        Byte.MIN_VALUE - 1L, Short.MAX_VALUE, Short.MIN_VALUE, Short.MAX_VALUE + 1L, Short.MIN_VALUE - 1L,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, Long.MAX_VALUE,
        Long.MIN_VALUE};

    @Property(tries = 300, seed = "20261128")
    void givesBackEveryValueSetInTheNarrowestWidthThatHoldsThemAll(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int size,
            @ForAll @IntRange(min = 0, max = 3) int widest) {
        SplittableRandom random = new SplittableRandom(seed);
        PackedColumn column = new PackedColumn(size);
        long[] model = new long[size];
        int needed = 1;
        for (int step = 0; step < 3 * size; step++) {
            int i = random.nextInt(size);
            long value = random.nextInt(4) == 0 ? EDGES[random.nextInt(EDGES.length)] : random.nextLong();
            value = narrowest(value) <= 1 << widest ? value : value >> (64 - 8 * (1 << widest));
            column.set(i, value);
            model[i] = value;
            needed = Math.max(needed, narrowest(value));
            for (int j = 0; j < size; j++) {
                assertEquals(model[j], column.get(j), "value " + j + " after step " + step);
            }
        }
        // A column never narrows: its width is that of the widest value it was ever given.
        assertEquals(needed, column.bytesPerValue());
    }

    @Test
    void widensOnlyAsFarAsTheValueNeeds() {
        PackedColumn column = new PackedColumn(3);
        assertEquals(1, column.bytesPerValue());
        column.set(0, 127);
        column.set(1, -128);
        assertEquals(1, column.bytesPerValue());
        column.set(2, 128);
        assertEquals(2, column.bytesPerValue());
        column.set(2, 40_000);
        assertEquals(4, column.bytesPerValue());
        column.set(1, 1L << 40);
        assertEquals(8, column.bytesPerValue());
        assertEquals(127, column.get(0));
        assertEquals(1L << 40, column.get(1));
        assertEquals(40_000, column.get(2));
        PackedColumn jump = new PackedColumn(2);
        jump.set(0, -5);
        jump.set(1, Long.MIN_VALUE);
        assertEquals(8, jump.bytesPerValue());
        assertEquals(-5, jump.get(0));
        assertEquals(Long.MIN_VALUE, jump.get(1));
    }

    @Test
    void aSnapshotBuilderRefusesSlotsOutsideItAndChangesAfterItIsBuilt() {
        NodeTableSnapshot.Builder builder = new NodeTableSnapshot.Builder(2);
        builder.set(1, true, 12, 11, 70_000, 3);
        assertThrows(IndexOutOfBoundsException.class, () -> builder.set(2, true, 1, 1, 1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> builder.set(-1, true, 1, 1, 1, 1));
        NodeTableSnapshot snapshot = builder.build();
        assertThrows(IllegalStateException.class, () -> builder.set(0, true, 1, 1, 1, 1));
        assertEquals(2, snapshot.size());
        assertEquals(false, snapshot.alive(0));
        assertEquals(0, snapshot.messagesSent(0));
        assertEquals(true, snapshot.alive(1));
        assertEquals(12, snapshot.partialView(1));
        assertEquals(11, snapshot.inView(1));
        assertEquals(70_000, snapshot.messagesSent(1));
        assertEquals(3, snapshot.messagesReceived(1));
        assertThrows(IndexOutOfBoundsException.class, () -> snapshot.alive(2));
    }

    /** Bytes the narrowest of byte, short, int and long that holds {@code v} takes. */
    private static int narrowest(long v) {
        return v == (byte) v ? 1 : v == (short) v ? 2 : v == (int) v ? 4 : 8;
    }
}
