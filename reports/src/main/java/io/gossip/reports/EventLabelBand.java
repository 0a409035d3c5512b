package io.gossip.reports;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A band along the top of a timeline chart's plot, kept free of data, where the labels of the
 * timeline's event markers go.
 *
 * <p>The labels sit in rows from the top of the plot ({@link EventLabels}); drawn over
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

    /** The band's height for {@code rows} rows of labels: down to the lowest. */
    static int heightPx(int rows) {
        if (rows == 0) {
            return 0;
        }
        return ChartTheme.LABEL_FIRST_ROW_TOP_PX + ChartTheme.LABEL_ROW_STEP_PX * (rows - 1)
                + LABEL_HEIGHT_PX + GAP_PX;
    }

    /**
     * Adds a line for each of {@code events} (in time order) to {@code plot}, whose y axis already
     * spans the data, and the band for their labels: the axis is replaced by a {@link BandAxis}
     * whose range runs that much higher, with ticks only up to the data's top, and which places
     * the labels each time the chart is drawn. Nothing changes without events.
     */
    static void reserve(XYPlot plot, List<TimelineView.EventMarker> events) {
        if (events.isEmpty()) {
            return;
        }
        // JFreeChart draws each marker's line, then its label, marker after marker, so a later line
        // crossed every earlier label. All lines first, then the labels on their own markers with
        // an invisible line: a label's box covers the lines behind it.
        List<EventLabel> labels = new ArrayList<>();
        for (TimelineView.EventMarker event : events) {
            ValueMarker line = new ValueMarker(event.tMs());
            ChartTheme.eventMarker(line);
            plot.addDomainMarker(line);
            labels.add(new EventLabel(event.tMs()));
        }
        labels.forEach(plot::addDomainMarker);
        // A first guess, one row per label up to the limit; BandAxis.draw sets the rows they take.
        int height = heightPx(Math.min(events.size(), ChartTheme.LABEL_ROWS));
        NumberAxis current = (NumberAxis) plot.getRangeAxis();
        Range data = current.getRange();
        // Ticks up to the data's top; a fraction axis keeps its own limits (none below 0).
        double lowest = current instanceof TicksWithin fraction ? fraction.lowest() : Double.NEGATIVE_INFINITY;
        double highest = current instanceof TicksWithin fraction
                ? Math.min(fraction.highest(), data.getUpperBound()) : data.getUpperBound();
        BandAxis axis = new BandAxis(current.getLabel(), lowest, highest, data, events, labels);
        axis.setNumberFormatOverride(current.getNumberFormatOverride());
        axis.setStandardTickUnits(current.getStandardTickUnits());
        if (!current.isAutoTickUnitSelection()) {
            axis.setTickUnit(current.getTickUnit());
        }
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
     * The y axis of a chart with the band. The plot area is known only when the chart is drawn,
     * and titles, a wrapped subtitle or legend, or a smaller image make it shorter than
     * {@link #PLOT_HEIGHT_PX}; sized on that guess the band then came out short and the lowest row
     * of labels covered the data. So each time the axis is drawn, which JFreeChart does after laying
     * out the plot area and before the grid lines, markers and data, it places the labels in that
     * area, measured with the font metrics they are drawn with ({@link EventLabels}), and sets its
     * range so the band is exactly as high as their rows.
     */
    static final class BandAxis extends TicksWithin {
        private static final long serialVersionUID = 1L;

        private final Range data;
        private final List<TimelineView.EventMarker> events;
        private final List<EventLabel> labels;

        BandAxis(String label, double lowest, double highest, Range data,
                List<TimelineView.EventMarker> events, List<EventLabel> labels) {
            super(label, lowest, highest);
            this.data = data;
            this.events = List.copyOf(events);
            this.labels = List.copyOf(labels);
        }

        @Override
        public AxisState draw(Graphics2D g2, double cursor, Rectangle2D plotArea, Rectangle2D dataArea,
                RectangleEdge edge, PlotRenderingInfo plotState) {
            int rows = placeLabels(g2, dataArea);
            setRange(new Range(data.getLowerBound(), top(data, heightPx(rows), dataArea.getHeight())), true, false);
            return super.draw(g2, cursor, plotArea, dataArea, edge, plotState);
        }

        /** Places the labels in {@code dataArea} and says how many rows they take. */
        private int placeLabels(Graphics2D g2, Rectangle2D dataArea) {
            XYPlot plot = (XYPlot) getPlot();
            ValueAxis time = plot.getDomainAxis();
            RectangleEdge timeEdge = plot.getDomainAxisEdge();
            FontMetrics metrics = g2.getFontMetrics(ChartTheme.MARKER_FONT);
            List<EventLabels.Placed> placed = EventLabels.layout(events,
                    t -> time.valueToJava2D(t, dataArea, timeEdge),
                    text -> TextUtils.getTextBounds(text, g2, metrics).getWidth(),
                    dataArea.getMinX(), dataArea.getMaxX(), ChartTheme.LABEL_ROWS);
            labels.forEach(label -> label.place(null));
            int rows = 0;
            for (EventLabels.Placed p : placed) {
                labels.get(p.first()).place(p);
                rows = Math.max(rows, p.row() + 1);
            }
            return rows;
        }
    }

    /**
     * The label of one action, on an invisible line at it, as {@link EventLabels} placed it for
     * the drawing under way, or none when the action shares the label of an earlier one. Set while
     * the chart is drawn, the label must not notify the plot, which would ask for the chart to be
     * drawn again, so the marker answers with it rather than storing it through the setters.
     */
    static final class EventLabel extends ValueMarker {
        private static final long serialVersionUID = 1L;

        private transient EventLabels.Placed placed;

        EventLabel(double tMs) {
            super(tMs);
            ChartTheme.eventMarker(this);
            setPaint(new Color(0, 0, 0, 0));
        }

        void place(EventLabels.Placed label) {
            this.placed = label;
        }

        @Override
        public String getLabel() {
            return placed == null ? null : placed.text();
        }

        @Override
        public RectangleInsets getLabelOffset() {
            int row = placed == null ? 0 : placed.row();
            double side = EventLabels.SIDE_PX;
            return new RectangleInsets(ChartTheme.LABEL_FIRST_ROW_TOP_PX + ChartTheme.LABEL_ROW_STEP_PX * row,
                    side, 0, side);
        }

        @Override
        public RectangleAnchor getLabelAnchor() {
            return placed != null && placed.left() ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT;
        }

        @Override
        public TextAnchor getLabelTextAnchor() {
            return placed != null && placed.left() ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT;
        }
    }
}
