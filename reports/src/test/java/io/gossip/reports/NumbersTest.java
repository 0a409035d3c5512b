package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void largeCountsGetThousandsSeparatorsWhateverTheLocale() {
        assertEquals("6,591,020", Numbers.grouped(6_591_020));
        assertEquals("999", Numbers.grouped(999));
        assertEquals("1,000", Numbers.grouped(999.6));
        assertEquals("–", Numbers.grouped(Double.NaN));
    }

    @Test
    void compactGroupsThousandsAndNeverTurnsALargeValueIntoAnExponent() {
        assertEquals("100,000", Numbers.compact(100_000));
        assertEquals("2,010", Numbers.compact(2010));
        assertEquals("99,874", Numbers.compact(99_873.6), "a mean number of live nodes, not 9.987e+04");
        assertEquals("999", Numbers.compact(999));
        assertEquals("13.82", Numbers.compact(13.8155));
    }

    @Test
    void fixedKeepsTrailingZerosSoAColumnLinesUp() {
        assertEquals("6519.5", Numbers.fixed(6519.478, 1));
        assertEquals("2.50", Numbers.fixed(2.5, 2));
        assertEquals("0.817", Numbers.fixed(0.8171, 3));
        assertEquals("–", Numbers.fixed(Double.NaN, 3));
    }

    @Test
    void countsAgreeWithTheirNoun() {
        assertEquals("1 broadcast", Numbers.counted(1, "broadcast"));
        assertEquals("20 broadcasts", Numbers.counted(20, "broadcast"));
        assertEquals("6 churn-joins", Numbers.counted(6, "churn-join"));
        assertEquals("2 crashes", Numbers.counted(2, "crash"));
        assertEquals("1,400 broadcasts", Numbers.counted(1400, "broadcast"));
    }
}
