package io.gossip.reports;

import java.awt.Color;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;

/**
 * A band along the top of a timeline chart's plot, kept free of data, where the labels of the
 * timeline's event markers go.
 *
 * <p>The labels sit in rows from the top of the plot ({@link ChartTheme#eventMarker}); drawn over
 * the data, their boxes hid a few pixels of the lines under them (the live-node count at its
 * plateau, a view-size maximum). The band moves the data below the rows the labels use: the y axis
 * runs on above the data by the band's height, the band is tinted, and the axis has neither ticks
 * nor grid lines in it, so it reads as a strip for labels rather than as values.
 */
final class EventLabelBand {
    /** Height of one label's box: the marker font's line (17 px) and a pixel to spare. */
    static final int LABEL_HEIGHT_PX = 18;

    /** Space left between the lowest label and the data. */
    static final int GAP_PX = 6;

    /**
     * The plot area's height in a {@link ChartTheme#HEIGHT}-px timeline chart, a little less than
     * measured (644 px with title, subtitle, legend and axis labels on one line each): the band is
     * sized as a share of it, so a taller plot only gives it a few more pixels.
     */
    static final int PLOT_HEIGHT_PX = 620;

    static final Color FILL = new Color(0xF4F4F4);

    private EventLabelBand() {
    }

    /** The band's height for {@code markers} labelled markers: down to their lowest row. */
    static int heightPx(int markers) {
        int rows = Math.min(markers, ChartTheme.LABEL_ROWS);
        if (rows == 0) {
            return 0;
        }
        return ChartTheme.LABEL_FIRST_ROW_TOP_PX + ChartTheme.LABEL_ROW_STEP_PX * (rows - 1)
                + LABEL_HEIGHT_PX + GAP_PX;
    }

    /**
     * Adds the band for {@code markers} labelled markers to {@code plot}, whose y axis already
     * spans the data: the axis is replaced by one whose range runs that much higher, with ticks only
     * up to the data's top. Nothing changes without markers.
     */
    static void reserve(XYPlot plot, int markers) {
        int height = heightPx(markers);
        if (height == 0) {
            return;
        }
        NumberAxis current = (NumberAxis) plot.getRangeAxis();
        Range data = current.getRange();
        double dataShare = 1 - height / (double) PLOT_HEIGHT_PX;
        double top = data.getLowerBound() + data.getLength() / dataShare;
        // Ticks up to the data's top; a fraction axis keeps its own limits (none below 0).
        NumberAxis axis = current instanceof TicksWithin fraction
                ? new TicksWithin(current.getLabel(), fraction.lowest(),
                        Math.min(fraction.highest(), data.getUpperBound()))
                : new TicksWithin(current.getLabel(), Double.NEGATIVE_INFINITY, data.getUpperBound());
        axis.setNumberFormatOverride(current.getNumberFormatOverride());
        axis.setStandardTickUnits(current.getStandardTickUnits());
        axis.setRange(data.getLowerBound(), top);
        plot.setRangeAxis(axis);
        IntervalMarker band = new IntervalMarker(data.getUpperBound(), top, FILL);
        band.setOutlinePaint(null);
        plot.addRangeMarker(band, Layer.BACKGROUND);
    }
}
