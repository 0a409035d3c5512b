package io.gossip.reports;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 logarithmic x axis labelled with plain numbers (1,000 · 2,000 · 5,000 · 10,000), for
 * values that span orders of magnitude, such as a sweep of n from 1,000 to 100,000.
 *
 * <p>JFreeChart's own log axis labels powers of ten only, or in scientific notation (1E3); with two
 * decades that leaves three labels for seven points. Here ticks at 1, 2 and 5 × 10^k are labelled,
 * the other whole multiples of 10^k are unlabelled minor ticks, and over more than
 * {@value #MAX_DECADES_LABELLED_1_2_5} decades only the powers of ten keep labels, so that labels
 * never crowd.
 */
final class PlainLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    /** Up to this many decades, 2 × 10^k and 5 × 10^k are labelled too (81 px apart or more). */
    static final double MAX_DECADES_LABELLED_1_2_5 = 4;

    PlainLogAxis(String label) {
        super(label);
        setBase(10);
        setNumberFormatOverride(new DecimalFormat("#,##0.######",
                DecimalFormatSymbols.getInstance(Locale.ROOT)));
        setMinorTickMarksVisible(true);
    }

    @Override
    protected List<ValueTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea,
            RectangleEdge edge) {
        return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    /** Every whole multiple of a power of ten within the axis range, labelled as described above. */
    List<ValueTick> ticks(TextAnchor anchor) {
        double lower = getLowerBound();
        double upper = getUpperBound();
        boolean oneTwoFive = Math.log10(upper / lower) <= MAX_DECADES_LABELLED_1_2_5;
        List<ValueTick> ticks = new ArrayList<>();
        int firstDecade = (int) Math.floor(Math.log10(lower));
        int lastDecade = (int) Math.ceil(Math.log10(upper));
        for (int decade = firstDecade; decade <= lastDecade; decade++) {
            for (int multiple = 1; multiple <= 9; multiple++) {
                // Parsed from text so 2e-3 is the double nearest 0.002, which formats as "0.002".
                double value = Double.parseDouble(multiple + "e" + decade);
                if (value < lower || value > upper) {
                    continue;
                }
                boolean labelled = multiple == 1 || oneTwoFive && (multiple == 2 || multiple == 5);
                ticks.add(labelled
                        ? new LogTick(TickType.MAJOR, value, createTickLabel(value), anchor)
                        : new LogTick(TickType.MINOR, value, null, anchor));
            }
        }
        return ticks;
    }
}
