package io.gossip.sim.results;

/**
 * A fixed number of integers, held in the narrowest of {@code byte}, {@code short}, {@code int} or
 * {@code long} that every value set so far fits: a column of a run's per-node results. A node's
 * view sizes nearly always fit a byte and its message counts a short, so a column of a million
 * nodes takes 1–2 MB where {@code long}s took 8 (the results are held with the engine at the end of
 * a run, and a sweep holds several). Setting a value that does not fit copies the column into the
 * next width once; values never lose precision.
 */
public final class PackedColumn {
    private final int size;
    private byte[] bytes;
    private short[] shorts;
    private int[] ints;
    private long[] longs;

    /** A column of {@code size} zeros. */
    public PackedColumn(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
        this.size = size;
        this.bytes = new byte[size];
    }

    public int size() {
        return size;
    }

    /** The value at {@code i}. */
    public long get(int i) {
        if (bytes != null) {
            return bytes[i];
        }
        if (shorts != null) {
            return shorts[i];
        }
        return ints != null ? ints[i] : longs[i];
    }

    /** Sets the value at {@code i}, widening the column first if {@code value} does not fit it. */
    public void set(int i, long value) {
        if (bytes != null) {
            if (value == (byte) value) {
                bytes[i] = (byte) value;
                return;
            }
            widen(value);
        }
        if (shorts != null) {
            if (value == (short) value) {
                shorts[i] = (short) value;
                return;
            }
            widen(value);
        }
        if (ints != null) {
            if (value == (int) value) {
                ints[i] = (int) value;
                return;
            }
            widen(value);
        }
        longs[i] = value;
    }

    /** Bytes each value takes now: 1, 2, 4 or 8. */
    public int bytesPerValue() {
        return bytes != null ? 1 : shorts != null ? 2 : ints != null ? 4 : 8;
    }

    /** Copies the values into the narrowest width that holds both them and {@code value}. */
    private void widen(long value) {
        int width = Math.max(bytesPerValue() * 2, value == (short) value ? 2 : value == (int) value ? 4 : 8);
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = get(i);
        }
        bytes = null;
        shorts = null;
        ints = null;
        longs = null;
        if (width == 2) {
            shorts = new short[size];
            for (int i = 0; i < size; i++) {
                shorts[i] = (short) values[i];
            }
        } else if (width == 4) {
            ints = new int[size];
            for (int i = 0; i < size; i++) {
                ints[i] = (int) values[i];
            }
        } else {
            longs = values;
        }
    }
}
