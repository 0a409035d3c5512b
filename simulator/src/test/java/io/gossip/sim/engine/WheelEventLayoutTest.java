package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WheelEventLayoutTest {
    private static final long KEY_OF_TAG_KIND_OFFSET = (0x7FFF_FFFFL << 32) | (3L << WheelBuckets.SHIFT)
            | WheelBuckets.OFFSET_MASK;
    private static final int SUBJECTS = 1 << WheelEventLayout.SUBJECT_BITS;

    @Test
    void theKeysFieldsLieSideBySideInItsLowHalf() {
        // offset | kind (2 bits) | spilled | subject, ending at bit 32 where the tag starts.
        assertEquals(1L << (WheelBuckets.SHIFT + 2), WheelEventLayout.SPILLED);
        assertEquals(0, KEY_OF_TAG_KIND_OFFSET & WheelEventLayout.SPILLED, "kind and offset below the spilled bit");
        long subjectBits = WheelEventLayout.compactKeyBits(SUBJECTS - 1);
        assertEquals(0, subjectBits & (WheelEventLayout.SPILLED | KEY_OF_TAG_KIND_OFFSET),
                "the subject above the spilled bit and below the tag");
        assertEquals(21, WheelEventLayout.SUBJECT_BITS, "with 256 µs buckets: node ids of up to 2,097,152 nodes");
    }

    @Test
    void aRunOfAHundredThousandNodesPacksIdsIn17BitsAndSequencesIn30() {
        WheelEventLayout layout = WheelEventLayout.forNodes(100_000);
        assertTrue(layout.fits(99_999, (1 << 17) - 1, word((1 << 30) - 1, SUBJECTS - 1)));
        assertFalse(layout.fits(1 << 17, 0, 0), "an id past 17 bits");
        assertFalse(layout.fits(0, -1, 0), "a negative id");
        assertFalse(layout.fits(0, 0, word(1 << 30, 0)), "a sequence past 30 bits");
        assertFalse(layout.fits(0, 0, word(0, SUBJECTS)), "a subject past 21 bits");
        assertFalse(layout.fits(0, 0, -1L), "a word with every bit set");
        roundTrips(layout, 99_999, 0, word((1 << 30) - 1, SUBJECTS - 1));
        roundTrips(layout, 0, 131_071, word(0, 0));
        roundTrips(layout, 12_345, 67_890, word(77, 2_000_000));
    }

    @Test
    void aLayoutForAnyIdsTakesEveryIdButNoSequence() {
        WheelEventLayout layout = WheelEventLayout.anyIds();
        assertTrue(layout.fits(Integer.MIN_VALUE, -1, word(0, SUBJECTS - 1)));
        assertTrue(layout.fits(Integer.MAX_VALUE, 0, 0));
        assertFalse(layout.fits(0, 0, word(1, 0)), "no bit is left for a sequence");
        roundTrips(layout, Integer.MIN_VALUE, -1, word(0, SUBJECTS - 1));
        roundTrips(layout, Integer.MAX_VALUE, 7, 0);
    }

    @Test
    void tinyRunsStillPackTheirIds() {
        WheelEventLayout layout = WheelEventLayout.forNodes(1);
        assertTrue(layout.fits(0, 1, word(Integer.MAX_VALUE, 5)), "1-bit ids leave 62 bits for the sequence");
        roundTrips(layout, 1, 0, word(0xFFFF_FFFFL, 5));
        assertFalse(layout.fits(2, 0, 0));
    }

    @Test
    void spilledEventsKeepFullIdsAndReadTheirWordFromTheSide() {
        WheelEventLayout layout = WheelEventLayout.forNodes(1_000);
        long key = KEY_OF_TAG_KIND_OFFSET | WheelEventLayout.SPILLED;
        long ends = WheelEventLayout.spilledEnds(-5, Integer.MAX_VALUE);
        assertEquals(-5, WheelEventLayout.spilledFrom(ends));
        assertEquals(Integer.MAX_VALUE, layout.to(ends, key));
        assertEquals(Long.MIN_VALUE, layout.word(ends, key, Long.MIN_VALUE));
    }

    /** Packs and unpacks an event that fits, beside a tag, kind and offset that must stay untouched. */
    private static void roundTrips(WheelEventLayout layout, int from, int to, long word) {
        assertTrue(layout.fits(from, to, word));
        long ends = layout.compactEnds(from, to, word);
        long key = KEY_OF_TAG_KIND_OFFSET | WheelEventLayout.compactKeyBits(word);
        assertFalse(WheelEventLayout.spilled(key));
        assertEquals(KEY_OF_TAG_KIND_OFFSET, key & ~((SUBJECTS - 1L) << WheelEventLayout.SUBJECT_SHIFT),
                "tag, kind and offset bits");
        assertEquals(from, layout.compactFrom(ends));
        assertEquals(to, layout.to(ends, key));
        assertEquals(word, layout.word(ends, key, 0xBAD));
    }

    private static long word(long seq, long subject) {
        return seq << 32 | subject;
    }
}
