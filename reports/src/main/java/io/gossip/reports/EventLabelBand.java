package io.gossip.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
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
     * The plot area's height in a {@link ChartTheme#HEIGHT}-px timeline chart with title,
     * subtitle, legend and axis labels on one line each: the first guess of the band's share of the
     * axis, which {@link BandAxis} corrects to the plot area of each drawing.
     */
    static final int PLOT_HEIGHT_PX = 644;

    /** The data keep at least this share of the plot's height, however short the plot. */
    static final double MIN_DATA_SHARE = 0.5;

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
     * spans the data: the axis is replaced by a {@link BandAxis} whose range runs that much higher,
     * with ticks only up to the data's top. Nothing changes without markers.
     */
    static void reserve(XYPlot plot, int markers) {
        int height = heightPx(markers);
        if (height == 0) {
            return;
        }
        NumberAxis current = (NumberAxis) plot.getRangeAxis();
        Range data = current.getRange();
        // Ticks up to the data's top; a fraction axis keeps its own limits (none below 0).
        double lowest = current instanceof TicksWithin fraction ? fraction.lowest() : Double.NEGATIVE_INFINITY;
        double highest = current instanceof TicksWithin fraction
                ? Math.min(fraction.highest(), data.getUpperBound()) : data.getUpperBound();
        BandAxis axis = new BandAxis(current.getLabel(), lowest, highest, data, height);
        axis.setNumberFormatOverride(current.getNumberFormatOverride());
        axis.setStandardTickUnits(current.getStandardTickUnits());
        axis.setRange(data.getLowerBound(), top(data, height, PLOT_HEIGHT_PX));
        plot.setRangeAxis(axis);
        // Up to the highest top any plot height gives; the renderer clips it to the axis range.
        IntervalMarker band = new IntervalMarker(data.getUpperBound(),
                data.getLowerBound() + data.getLength() / MIN_DATA_SHARE, FILL);
        band.setOutlinePaint(null);
        plot.addRangeMarker(band, Layer.BACKGROUND);
    }

    /** Where the y axis must end for the data to fill {@code plotPx} px but the band's {@code bandPx}. */
    static double top(Range data, int bandPx, double plotPx) {
        double dataShare = Math.max(MIN_DATA_SHARE, 1 - bandPx / plotPx);
        return data.getLowerBound() + data.getLength() / dataShare;
    }

    /**
     * The y axis of a chart with the band. The plot area's height is known only when the chart is
     * drawn, and titles, a wrapped subtitle or legend, or a smaller image make it shorter than
     * {@link #PLOT_HEIGHT_PX}; sized on that guess the band then came out short and the lowest row
     * of labels covered the data. So each time the axis is drawn, which JFreeChart does after laying
     * out the plot area and before the grid lines, markers and data, its range is set so the band is
     * exactly {@code bandPx} high in that area.
     */
    static final class BandAxis extends TicksWithin {
        private static final long serialVersionUID = 1L;

        private final Range data;
        private final int bandPx;

        BandAxis(String label, double lowest, double highest, Range data, int bandPx) {
            super(label, lowest, highest);
            this.data = data;
            this.bandPx = bandPx;
        }

        @Override
        public AxisState draw(Graphics2D g2, double cursor, Rectangle2D plotArea, Rectangle2D dataArea,
                RectangleEdge edge, PlotRenderingInfo plotState) {
            setRange(new Range(data.getLowerBound(), top(data, bandPx, dataArea.getHeight())), true, false);
            return super.draw(g2, cursor, plotArea, dataArea, edge, plotState);
        }
    }
}
