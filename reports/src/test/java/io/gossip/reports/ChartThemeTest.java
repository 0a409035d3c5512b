package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.Paint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartThemeTest {
    @TempDir
    Path dir;

    private List<Figure> everyFigure() throws Exception {
        List<Figure> figures = new ArrayList<>();
        RunData timeline = RunData.load(Fixtures.withTimeline(dir.resolve("t")));
        RunData c = RunData.load(Fixtures.sweepOverC(dir.resolve("c")));
        RunData nodes = RunData.load(Fixtures.sweepOverNodes(dir.resolve("n")));
        RunData words = RunData.load(Fixtures.categoricalSweep(dir.resolve("w")));
        RunData quiet = RunData.load(Fixtures.noBroadcasts(dir.resolve("q")));
        for (RunData run : List.of(timeline, c, nodes, words, quiet)) {
            figures.addAll(RunFigures.of(run));
        }
        figures.addAll(CompareFigures.of(ComparedRun.of(List.of(timeline, c, nodes))));
        return figures;
    }

    @Test
    void everyChartSharesBackgroundFontsAndGrid() throws Exception {
        List<Figure> figures = everyFigure();
        // 9 charts for the timeline run, 9 for the c sweep (coverage and messages against c
        // added), 10 for the nodes sweep, 9 for the categorical sweep, 5 without broadcasts (two
        // histograms, view and messages against n, messages), 10 compared (four of them final
        // coverage and messages per node against c and against n).
        assertEquals(52, figures.size());
        for (Figure figure : figures) {
            JFreeChart chart = figure.chart();
            String name = figure.fileName();
            assertEquals(Color.WHITE, chart.getBackgroundPaint(), name);
            assertEquals(ChartTheme.TITLE_FONT, chart.getTitle().getFont(), name);
            assertEquals(ChartTheme.LEGEND_FONT, chart.getLegend().getItemFont(), name);
            assertEquals(Color.WHITE, chart.getPlot().getBackgroundPaint(), name);
            if (chart.getPlot() instanceof XYPlot xy) {
                assertEquals(ChartTheme.GRID, xy.getRangeGridlinePaint(), name);
                assertEquals(ChartTheme.AXIS_LABEL_FONT, xy.getDomainAxis().getLabelFont(), name);
                assertEquals(ChartTheme.TICK_FONT, xy.getRangeAxis().getTickLabelFont(), name);
            } else {
                CategoryPlot category = (CategoryPlot) chart.getPlot();
                assertEquals(ChartTheme.GRID, category.getRangeGridlinePaint(), name);
                assertEquals(ChartTheme.AXIS_LABEL_FONT, category.getRangeAxis().getLabelFont(), name);
            }
        }
    }

    @Test
    void seriesColoursFollowOkabeItoInOrder() throws Exception {
        for (Figure figure : everyFigure()) {
            // A comparison colours each run by its place among the runs given (CompareReportTest).
            if (figure.chart().getPlot() instanceof XYPlot xy && xy.getDataset(0).getSeriesCount() > 1
                    && !figure.fileName().startsWith("timeline-view") && !figure.fileName().startsWith("compare-")) {
                // Latency curves come in t99/t100 pairs sharing a colour.
                int second = figure.fileName().contains("latency") ? 2 : 1;
                assertEquals(0x0072B2, rgb(xy.getRenderer(0).getSeriesPaint(0)), figure.fileName());
                assertEquals(0xD55E00, rgb(xy.getRenderer(0).getSeriesPaint(second)), figure.fileName());
            }
        }
    }

    /**
     * Tick labels read like the rest of the report whatever the JVM's default locale: JFreeChart's
     * default tick formats follow it, so a German machine wrote 50.000 and 0,5 on the axes beside
     * captions saying 50,000 and 0.5.
     */
    @Test
    void tickLabelsIgnoreTheDefaultLocale() throws Exception {
        Map<String, List<String>> asWritten = everyTickLabel();
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale locale = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            Map<String, List<String>> root = everyTickLabel();
            Locale.setDefault(Locale.GERMANY);
            XYSeries series = new XYSeries("s");
            series.add(0, 0);
            series.add(250_000, 1.5);
            XYPlot plot = Plots.xy("time (ms)", "value");
            Plots.add(plot, new XYSeriesCollection(series), Plots.lines(1, 0, false));
            Map<String, List<String>> labels = tickLabels("plot", ChartTheme.chart("t", "s", plot));
            assertTrue(labels.get("plot x").contains("100,000"), labels.toString());
            assertTrue(labels.get("plot y").contains("0.5"), labels.toString());
            assertEquals(root, everyTickLabel(), "every chart's ticks as under Locale.ROOT");
            assertEquals(root, asWritten);
        } finally {
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }

    @Test
    void tickLabelsStayPlainDigitsWhereJFreeChartWouldTurnScientific() {
        assertEquals("20,000,000", RootTickUnits.format(1e7).format(2e7));
        assertEquals("0.00002", RootTickUnits.format(1e-5).format(2e-5));
        assertEquals("0.5", RootTickUnits.format(0.5).format(0.5));
        assertEquals("1,000", RootTickUnits.format(250).format(1000));
    }

    /** The last x tick sits on the plot's right edge: its label, centred there, must fit in the image. */
    @Test
    void theLastTimeTickLabelFitsInTheImage() {
        XYSeries series = new XYSeries("s");
        series.add(0, 0);
        series.add(100_000_000, 1);
        XYPlot plot = Plots.xy("time since the start of the run (ms)", "value");
        Plots.add(plot, new XYSeriesCollection(series), Plots.lines(1, 0, false));
        plot.getDomainAxis().setRange(0, 100_000_000);
        JFreeChart chart = ChartTheme.chart("t", "s", plot);
        BufferedImage image = new BufferedImage(ChartTheme.WIDTH, ChartTheme.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, ChartTheme.WIDTH, ChartTheme.HEIGHT), info);
        Rectangle2D dataArea = info.getPlotInfo().getDataArea();
        double labelWidth = g2.getFontMetrics(ChartTheme.TICK_FONT).stringWidth("100,000,000");
        g2.dispose();
        assertTrue(dataArea.getMaxX() + labelWidth / 2 <= ChartTheme.WIDTH,
                "plot ends at " + dataArea.getMaxX() + ", label " + labelWidth + " px wide");
    }

    /** JFreeChart's units come in steps of 1, 2.5 and 5: a 2.5 step needs one decimal more than its power. */
    @Test
    void tickLabelsOfQuarterStepsKeepEveryDigit() {
        assertEquals("0.75", RootTickUnits.format(0.25).format(0.75));
        assertEquals("7.5", RootTickUnits.format(2.5).format(7.5));
        assertEquals("1,002.5", RootTickUnits.format(2.5).format(1002.5));
        assertEquals("0.00000075", RootTickUnits.format(2.5e-7).format(7.5e-7));
        assertEquals("25,000", RootTickUnits.format(25_000).format(25_000));
    }

    /** The tick labels of every figure's axes, by figure and axis. */
    private Map<String, List<String>> everyTickLabel() throws Exception {
        Map<String, List<String>> labels = new TreeMap<>();
        List<Figure> figures = everyFigure();
        for (int i = 0; i < figures.size(); i++) {
            labels.putAll(tickLabels(i + " " + figures.get(i).fileName(), figures.get(i).chart()));
        }
        assertTrue(labels.values().stream().flatMap(List::stream).anyMatch(l -> l.contains(".")),
                "some ticks have decimals: " + labels);
        return labels;
    }

    private static Map<String, List<String>> tickLabels(String name, JFreeChart chart) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(ChartTheme.WIDTH, ChartTheme.HEIGHT, info);
        Graphics2D g2 = image.createGraphics();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        Map<String, List<String>> labels = new TreeMap<>();
        try {
            if (chart.getPlot() instanceof XYPlot xy) {
                labels.put(name + " x", texts(xy.getDomainAxis(), g2, area, xy.getDomainAxisEdge()));
                labels.put(name + " y", texts(xy.getRangeAxis(), g2, area, xy.getRangeAxisEdge()));
            } else {
                CategoryPlot category = (CategoryPlot) chart.getPlot();
                labels.put(name + " y", texts(category.getRangeAxis(), g2, area, category.getRangeAxisEdge()));
            }
        } finally {
            g2.dispose();
        }
        return labels;
    }

    private static List<String> texts(ValueAxis axis, Graphics2D g2, Rectangle2D area, RectangleEdge edge) {
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, edge);
        return ticks.stream().map(t -> ((Tick) t).getText()).filter(t -> t != null && !t.isEmpty()).toList();
    }

    /** The colour without its alpha (dots are drawn slightly translucent). */
    private static int rgb(Paint paint) {
        return ((Color) paint).getRGB() & 0xFFFFFF;
    }

    @Test
    void axisLabelsCarryUnits() throws Exception {
        for (Figure figure : everyFigure()) {
            if (figure.chart().getPlot() instanceof XYPlot xy) {
                String x = xy.getDomainAxis().getLabel();
                String y = xy.getRangeAxis().getLabel();
                boolean xHasUnit = x.contains("(") || x.startsWith("swept parameter");
                boolean yHasUnit = y.contains("(") || y.startsWith("fraction") || y.contains("nodes");
                assertEquals(true, xHasUnit && yHasUnit, figure.fileName() + ": " + x + " / " + y);
            }
        }
    }
}
