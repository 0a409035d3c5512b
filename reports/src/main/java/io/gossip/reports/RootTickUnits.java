package io.gossip.reports;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

/**
 * The tick units a number axis chooses from, with labels written the same on every machine:
 * {@code 0.5} and {@code 100,000}, as in the report's captions and tables ({@link Numbers}).
 *
 * <p>JFreeChart's own units ({@code NumberAxis.createStandardTickUnits()} and
 * {@code createIntegerTickUnits()}) format their labels in the JVM's default locale, so a German
 * machine wrote {@code 0,5} and {@code 100.000} on the axes of a page whose text says 0.5 and
 * 100,000. This source keeps the sizes those units choose (integer-only or not) and writes each
 * in the same patterns, with {@link Locale#ROOT}'s symbols; from 10 million on and below 0.0001,
 * where JFreeChart switches to scientific notation ({@code 1E7}), it stays with plain digits as
 * the rest of the report does.
 */
final class RootTickUnits implements TickUnitSource, Serializable {
    private static final long serialVersionUID = 1L;

    private final TickUnitSource sizes;

    /** Units of the sizes {@code sizes} chooses, labelled independently of the locale. */
    RootTickUnits(TickUnitSource sizes) {
        this.sizes = sizes;
    }

    @Override
    public TickUnit getLargerTickUnit(TickUnit unit) {
        return labelled(sizes.getLargerTickUnit(unit));
    }

    @Override
    public TickUnit getCeilingTickUnit(TickUnit unit) {
        return labelled(sizes.getCeilingTickUnit(unit));
    }

    @Override
    public TickUnit getCeilingTickUnit(double size) {
        return labelled(sizes.getCeilingTickUnit(size));
    }

    private static TickUnit labelled(TickUnit unit) {
        return new NumberTickUnit(unit.getSize(), format(unit.getSize()), unit.getMinorTickCount());
    }

    /**
     * The label format for ticks {@code size} apart: as many decimals as the size itself has
     * ({@code 0.0} for 0.1 or 0.5, {@code 0.00} for 0.02 or 0.25, {@code 0.0} for 2.5), so that every
     * multiple of it is written exactly (with one decimal too few, ticks 0.25 apart read 0.2 and
     * 0.8 at 0.25 and 0.75), with thousands separators in the whole part.
     */
    static NumberFormat format(double size) {
        int decimals = Math.max(0, BigDecimal.valueOf(size).stripTrailingZeros().scale());
        return rooted(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals));
    }

    /** {@code pattern} with the symbols of {@link Locale#ROOT}: '.' before decimals, ',' between thousands. */
    static DecimalFormat rooted(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
