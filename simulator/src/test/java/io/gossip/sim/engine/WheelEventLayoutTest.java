package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WheelEventLayoutTest {
    private static final long KEY_OF_TAG_OFFSET = (0x7FFF_FFFFL << 32) | WheelBuckets.OFFSET_MASK;
    private static final int SUBJECTS = 1 << WheelEventLayout.SUBJECT_BITS;

    @Test
    void theKeysFieldsLieSideBySideInItsLowHalf() {
        // offset | spilled | subject (or a spilled event's kind), ending at bit 32 where the tag starts.
        assertEquals(1L << WheelBuckets.SHIFT, WheelEventLayout.SPILLED);
        assertEquals(0, KEY_OF_TAG_OFFSET & WheelEventLayout.SPILLED, "the offset below the spilled bit");
        long subjectBits = WheelEventLayout.compactKeyBits(SUBJECTS - 1);
        assertEquals(0, subjectBits & (WheelEventLayout.SPILLED | KEY_OF_TAG_OFFSET),
                "the subject above the spilled bit and below the tag");
        assertEquals(0, (WheelEventLayout.spilledKeyBits(3) & ~WheelEventLayout.SPILLED) & ~subjectBits,
                "a spilled event's kind where a compact one's subject lies");
        assertEquals(32, WheelBuckets.SHIFT + 1 + WheelEventLayout.SUBJECT_BITS, "the fields fill the low half");
        assertEquals(23, WheelEventLayout.SUBJECT_BITS,
                "with 256 µs buckets: node ids of runs of up to 8,388,608 nodes");
    }

    @Test
    void aRunOfAHundredThousandNodesPacksIdsIn17BitsAndSequencesIn28() {
        WheelEventLayout layout = WheelEventLayout.forNodes(100_000);
        assertTrue(layout.fits(99_999, (1 << 17) - 1, word((1 << 28) - 1, SUBJECTS - 1)));
        assertFalse(layout.fits(1 << 17, 0, 0), "an id past 17 bits");
        assertFalse(layout.fits(0, -1, 0), "a negative id");
        assertFalse(layout.fits(0, 0, word(1 << 28, 0)), "a sequence past 28 bits (the kind has the top two)");
        assertFalse(layout.fits(0, 0, word(0, SUBJECTS)), "a subject past the key's subject bits");
        assertFalse(layout.fits(0, 0, -1L), "a word with every bit set");
        for (int kind = 0; kind < 4; kind++) {
            roundTrips(layout, kind, 99_999, 0, word((1 << 28) - 1, SUBJECTS - 1));
            roundTrips(layout, kind, 0, 131_071, word(0, 0));
            roundTrips(layout, kind, 12_345, 67_890, word(77, 2_000_000));
        }
    }

    @Test
    void aRunOfEightMillionNodesStillPacksNodeIdSubjects() {
        int last = 8_388_607;
        WheelEventLayout layout = WheelEventLayout.forNodes(last + 1);
        assertTrue(layout.fits(last, last, word((1 << 16) - 1, last)), "23-bit ids and subjects, 16-bit sequences");
        assertFalse(layout.fits(0, 0, word(1 << 16, 0)));
        assertFalse(layout.fits(0, 0, word(0, last + 1)), "a subject past 23 bits");
        roundTrips(layout, 3, last, 1, word((1 << 16) - 1, last));
    }

    @Test
    void aLayoutForAnyIdsTakesEveryNonNegativeIdButNoSequence() {
        WheelEventLayout layout = WheelEventLayout.anyIds();
        assertTrue(layout.fits(Integer.MAX_VALUE, 0, word(0, SUBJECTS - 1)));
        assertFalse(layout.fits(Integer.MIN_VALUE, 0, 0), "a negative id spills: the kind takes ends' top bits");
        assertFalse(layout.fits(0, -1, 0));
        assertFalse(layout.fits(0, 0, word(1, 0)), "no bit is left for a sequence");
        roundTrips(layout, 3, Integer.MAX_VALUE, Integer.MAX_VALUE, word(0, SUBJECTS - 1));
        roundTrips(layout, 2, 0, 7, 0);
    }

    @Test
    void tinyRunsStillPackTheirIds() {
        WheelEventLayout layout = WheelEventLayout.forNodes(1);
        assertTrue(layout.fits(0, 1, word(Integer.MAX_VALUE, 5)), "1-bit ids leave 60 bits for the sequence");
        roundTrips(layout, 3, 1, 0, word(0xFFFF_FFFFL, 5));
        assertFalse(layout.fits(2, 0, 0));
    }

    @Test
    void spilledEventsKeepFullIdsAndReadTheirWordFromTheSide() {
        WheelEventLayout layout = WheelEventLayout.forNodes(1_000);
        long key = KEY_OF_TAG_OFFSET | WheelEventLayout.spilledKeyBits(2);
        long ends = WheelEventLayout.spilledEnds(-5, Integer.MAX_VALUE);
        assertTrue(WheelEventLayout.spilled(key));
        assertEquals(2, WheelEventLayout.spilledKind(key));
        assertEquals(-5, WheelEventLayout.spilledFrom(ends));
        assertEquals(Integer.MAX_VALUE, layout.to(ends, key));
        assertEquals(Long.MIN_VALUE, layout.word(ends, key, Long.MIN_VALUE));
    }

    /** Packs and unpacks an event that fits, beside a tag and offset that must stay untouched. */
    private static void roundTrips(WheelEventLayout layout, int kind, int from, int to, long word) {
        assertTrue(layout.fits(from, to, word));
        long ends = layout.compactEnds(kind, from, to, word);
        long key = KEY_OF_TAG_OFFSET | WheelEventLayout.compactKeyBits(word);
        assertFalse(WheelEventLayout.spilled(key));
        assertEquals(KEY_OF_TAG_OFFSET, key & ~((SUBJECTS - 1L) << WheelEventLayout.SUBJECT_SHIFT),
                "tag and offset bits");
        assertEquals(kind, WheelEventLayout.compactKind(ends));
        assertEquals(from, layout.compactFrom(ends));
        assertEquals(to, layout.to(ends, key));
        assertEquals(word, layout.word(ends, key, 0xBAD));
    }

    private static long word(long seq, long subject) {
        return seq << 32 | subject;
    }
}
