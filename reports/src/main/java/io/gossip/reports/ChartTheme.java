package io.gossip.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The one look of every chart: white background, light grid, fonts readable at 1200×800 and the
 * Okabe–Ito palette, which stays distinguishable for the common forms of colour blindness.
 *
 * <p>Keeping colours, fonts and strokes here means a chart never picks its own, so every report
 * looks the same and a change of style is made once.
 */
final class ChartTheme {
    /** Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow, black. */
    static final List<Color> PALETTE = List.of(
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000));

    /** Colour of theoretical curves and markers: black, which no data series uses first. */
    static final Color THEORY = Color.BLACK;

    static final Color GRID = new Color(0xD9D9D9);
    static final Color EVENT = new Color(0x555555);
    static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 22);
    static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 16);
    static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 18);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 15);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 16);
    static final Font MARKER_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);

    static final Stroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {10f, 7f}, 0f);
    /** Short dashes, for a data line drawn over another that it often equals. */
    static final Stroke SHORT_DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {8f, 8f}, 0f);
    /** Round dots, for a second prediction beside a dashed theory. */
    static final Stroke DOTTED = new BasicStroke(2.5f, BasicStroke.CAP_ROUND,
            BasicStroke.JOIN_ROUND, 10f, new float[] {0.5f, 6f}, 0f);
    static final Stroke GRID_LINE = new BasicStroke(1f);
    static final Stroke MARKER_LINE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);

    /** Pixel size of every chart. */
    static final int WIDTH = 1200;
    static final int HEIGHT = 800;

    /**
     * At most this many rows of marker labels: theory markers' labels step down through them in
     * turn, timeline event labels each take the first row where they overlap no other
     * ({@link EventLabels}).
     */
    static final int LABEL_ROWS = 6;

    /** Distance from the top of the plot to the top of the first row of marker labels, in px. */
    static final int LABEL_FIRST_ROW_TOP_PX = 6;

    /** Distance between the tops of two rows of marker labels, in px. */
    static final int LABEL_ROW_STEP_PX = 20;

    private ChartTheme() {
    }

    /** The palette colour for series {@code index}, wrapping around after eight. */
    static Color color(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** {@code color} with an alpha, for bands and overlapping bars. */
    static Color translucent(Color color, float alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), Math.round(alpha * 255));
    }

    /**
     * Room right of the plot: half of the widest x tick label centred on the plot's right edge
     * ({@code 100,000,000}, the milliseconds of a timeline of 100,000 joins a second apart; 100 px
     * in {@link #TICK_FONT} on the machine this was written on, measured here since fonts differ)
     * and a little more. With 24 px a churn run's last tick, {@code 2,200,000}, was cut at the
     * image's edge.
     */
    static final int RIGHT_PADDING_PX = rightPadding("100,000,000");

    private static int rightPadding(String widestLabel) {
        double width = TICK_FONT.getStringBounds(widestLabel, new FontRenderContext(null, true, true)).getWidth();
        return Math.max(24, (int) Math.ceil(width / 2) + 6);
    }

    /** A chart of {@code plot} with the theme applied, a legend, and an optional subtitle. */
    static JFreeChart chart(String title, String subtitle, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT);
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(sub);
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(10, 10, 10, RIGHT_PADDING_PX));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LEGEND_FONT);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setFrame(BlockBorder.NONE);
        style(plot);
        return chart;
    }

    private static void style(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(GRID_LINE);
            xy.setRangeGridlineStroke(GRID_LINE);
            xy.setDomainGridlinesVisible(true);
            xy.setRangeGridlinesVisible(true);
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                styleAxis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                styleAxis(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
            category.setRangeGridlineStroke(GRID_LINE);
            category.setRangeGridlinesVisible(true);
            category.setAxisOffset(RectangleInsets.ZERO_INSETS);
            styleAxis(category.getDomainAxis());
            styleAxis(category.getRangeAxis());
        }
    }

    private static void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.DARK_GRAY);
        if (axis instanceof NumberAxis number) {
            localeFree(number);
        } else if (axis instanceof LogAxis log && log.getNumberFormatOverride() instanceof DecimalFormat format) {
            log.setNumberFormatOverride(rootSymbols(format));
        }
    }

    /**
     * Tick labels written the same whatever the JVM's default locale ({@code 0.5}, {@code 100,000}),
     * as in every caption and table: the axis's automatic units through {@link RootTickUnits}, and
     * a chart's own format, if it set one, with {@link Locale#ROOT}'s symbols. Done here, for every
     * axis of every chart, so no chart can forget it.
     */
    private static void localeFree(NumberAxis axis) {
        if (!(axis.getStandardTickUnits() instanceof RootTickUnits)) {
            axis.setStandardTickUnits(new RootTickUnits(axis.getStandardTickUnits()));
        }
        if (axis.getNumberFormatOverride() instanceof DecimalFormat format) {
            axis.setNumberFormatOverride(rootSymbols(format));
        }
    }

    private static DecimalFormat rootSymbols(DecimalFormat format) {
        DecimalFormat copy = (DecimalFormat) format.clone();
        copy.setDecimalFormatSymbols(DecimalFormatSymbols.getInstance(Locale.ROOT));
        return copy;
    }

    /**
     * A dashed vertical line at a theoretical value, labelled at the top; the label of the
     * {@code index}-th such marker is lowered so that several markers stay readable.
     */
    static ValueMarker theoryMarker(double x, String label, Color color, int index) {
        ValueMarker marker = new ValueMarker(x, color, DASHED);
        labelMarker(marker, label, color, index);
        return marker;
    }

    /**
     * Styles {@code marker} as a thin grey vertical line at a timeline action with a label in the
     * marker font on a light box. Where the label goes, and whether it is drawn at all, is chosen
     * when the chart is drawn ({@link EventLabelBand}), which keeps the rows it uses free of data.
     */
    static void eventMarker(ValueMarker marker) {
        marker.setPaint(EVENT);
        marker.setStroke(MARKER_LINE);
        marker.setLabelFont(MARKER_FONT);
        marker.setLabelPaint(EVENT);
        marker.setLabelBackgroundColor(LABEL_BACKGROUND);
    }

    private static void labelMarker(ValueMarker marker, String label, Color color, int index) {
        marker.setLabel(label);
        marker.setLabelFont(MARKER_FONT);
        marker.setLabelPaint(color);
        marker.setLabelBackgroundColor(LABEL_BACKGROUND);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        marker.setLabelOffset(new RectangleInsets(
                LABEL_FIRST_ROW_TOP_PX + LABEL_ROW_STEP_PX * (index % LABEL_ROWS), 5, 0, 0));
    }
}
