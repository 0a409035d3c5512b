package io.gossip.sim.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Stable decimal text for result files: plain notation (never {@code 1.0E-4}), at most six
 * fractional digits, trailing zeros removed but at least one fractional digit ({@code 12.0}).
 * Formatting depends only on the value, so identical runs give byte-identical files.
 */
public final class Decimal {
    private Decimal() {
    }

    /** The value rounded half-even to six decimals; NaN and infinities are not allowed. */
    public static BigDecimal rounded(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.scale() < 1) {
            d = d.setScale(1, RoundingMode.UNNECESSARY);
        }
        return d;
    }

    /** {@link #rounded} as text. */
    public static String of(double value) {
        return rounded(value).toPlainString();
    }

    /** Text for a possibly undefined value: empty for NaN. */
    public static String orEmpty(double value) {
        return Double.isNaN(value) ? "" : of(value);
    }

    /** Milliseconds text for a time in microseconds, exact ({@code 12.5}, {@code 3.001}). */
    public static String millis(long micros) {
        return BigDecimal.valueOf(micros, 3).stripTrailingZeros().scale() < 1
                ? BigDecimal.valueOf(micros, 3).setScale(1, RoundingMode.UNNECESSARY).toPlainString()
                : BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString();
    }

    /** Milliseconds text for a delay in microseconds, empty when negative (undefined). */
    public static String millisOrEmpty(long micros) {
        return micros < 0 ? "" : millis(micros);
    }
}
