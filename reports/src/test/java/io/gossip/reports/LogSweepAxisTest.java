package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts against a swept parameter whose positive values span a factor of 20 or more (n from
 * 1,000 to 100,000) use a log x axis with plain-number labels, so the small values are not crushed
 * at the left; other sweeps keep a linear axis.
 */
class LogSweepAxisTest {
    private static final List<Double> PAPER_NODES =
            List.of(1_000.0, 2_000.0, 5_000.0, 10_000.0, 20_000.0, 50_000.0, 100_000.0);

    @TempDir
    Path dir;

    @Test
    void logAxisWhenEveryValueIsPositiveAndTheySpanAFactorOfTwentyOrMore() {
        assertTrue(Sweep.numeric("nodes", PAPER_NODES).logarithmic());
        assertTrue(Sweep.numeric("network.loss", List.of(0.01, 0.1, 0.2)).logarithmic(), "factor 20");
        assertFalse(Sweep.numeric("network.loss", List.of(0.01, 0.1, 0.19)).logarithmic(), "factor 19");
        assertFalse(Sweep.numeric("timeline.1.fraction", List.of(0.0, 0.3, 0.6)).logarithmic(), "a 0");
        assertFalse(Sweep.numeric("c", List.of(1.0, 2.0, 3.0)).logarithmic(), "factor 3");
        assertFalse(Sweep.categorical("contacts", List.of("uniform", "single")).logarithmic());
    }

    @Test
    void reliabilityAndCoverageAgainstNUseALogAxisWithPlainLabelsAndSpreadTheSmallValues()
            throws Exception {
        RunData run = RunData.load(Fixtures.sweepOverNodes(dir));
        for (Figure figure : List.of(SweepFigures.reliability(run).orElseThrow(),
                SweepFigures.coverageVsParameter(run).orElseThrow())) {
            XYPlot plot = (XYPlot) figure.chart().getPlot();
            assertInstanceOf(PlainLogAxis.class, plot.getDomainAxis(), figure.fileName());
            assertTrue(plot.getDomainAxis().getLabel().endsWith("(log scale)"), figure.fileName());
            assertTrue(figure.caption().contains("The x axis is logarithmic, since the swept values "
                    + "span a factor of 100."), figure.caption());
        }
        List<ReliabilityCurves.Measured> measured = PAPER_NODES.stream()
                .map(n -> new ReliabilityCurves.Measured(n, 1, Double.NaN)).toList();
        JFreeChart chart = SweepCharts.reliability("t", "s", Sweep.numeric("nodes", PAPER_NODES),
                "nodes", List.of(new ReliabilityCurves.Curve("scamp", measured)), new XYSeriesCollection(),
                new XYSeriesCollection());
        Drawn drawn = Drawn.of(chart);
        assertEquals(List.of("1,000", "2,000", "5,000", "10,000", "20,000", "50,000", "100,000"),
                drawn.xLabels());
        // On a linear axis 1,000 and 2,000 sat 1 % of the width apart; here they are a sixth of it.
        double gap = drawn.x(2_000) - drawn.x(1_000);
        assertTrue(gap > drawn.width() / 8, "1,000 to 2,000: " + gap + " px of " + drawn.width());
    }

    @Test
    void aCrashFractionFromZeroKeepsALinearAxis() throws Exception {
        RunData run = RunData.load(Fixtures.crashSweep(dir));
        XYPlot plot = (XYPlot) SweepFigures.reliability(run).orElseThrow().chart().getPlot();
        assertInstanceOf(NumberAxis.class, plot.getDomainAxis());
        assertFalse(plot.getDomainAxis().getLabel().contains("log"), plot.getDomainAxis().getLabel());
    }

    @Test
    void beyondFourDecadesOnlyPowersOfTenAreLabelled() {
        PlainLogAxis axis = new PlainLogAxis("x");
        axis.setRange(1, 1_000_000);
        List<String> labels = new ArrayList<>();
        for (var tick : axis.ticks(TextAnchor.TOP_CENTER)) {
            String label = text((LogTick) tick);
            if (!label.isEmpty()) {
                labels.add(label);
            }
        }
        assertEquals(List.of("1", "10", "100", "1,000", "10,000", "100,000", "1,000,000"), labels);
    }

    @Test
    void smallFractionsAreWrittenAsPlainDecimals() {
        PlainLogAxis axis = new PlainLogAxis("x");
        axis.setRange(0.001, 0.3);
        List<String> labels = axis.ticks(TextAnchor.TOP_CENTER).stream()
                .map(t -> text((LogTick) t)).filter(l -> !l.isEmpty()).toList();
        assertEquals(List.of("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2"), labels);
    }

    @Test
    void aComparisonAppliesTheRuleToTheUnionOfTheRunsValues() throws Exception {
        // 100 and 1,000 (a factor of 10) beside 1,000 and 2,000 (2): linear alone, 20 together.
        Path small = Fixtures.sweepOverNodes(dir.resolve("small"));
        Fixtures.write(small, "points.csv", Fixtures.POINTS_HEADER,
                "0,nodes,100,scamp,3,100,1,0.99,0.9,0.9,0.1,9.0,9.21,9.0,20,0.5,50.0,60.0",
                "1,nodes,1000,scamp,3,1000,1,0.99,0.9,0.9,0.1,14.0,13.82,14.0,25,0.5,60.0,70.0");
        Path large = Fixtures.sweepOverNodes(dir.resolve("large"));
        Fixtures.write(large, "points.csv", Fixtures.POINTS_HEADER,
                "0,nodes,1000,scamp,3,1000,1,0.99,0.9,0.9,0.1,14.0,13.82,14.0,25,0.5,60.0,70.0",
                "1,nodes,2000,scamp,3,2000,1,0.99,0.9,0.9,0.1,15.0,15.2,15.0,25,0.5,60.0,70.0");
        List<RunData> runs = List.of(RunData.load(small), RunData.load(large));
        assertFalse(Sweep.of(runs.get(0).points()).orElseThrow().logarithmic());
        assertFalse(Sweep.of(runs.get(1).points()).orElseThrow().logarithmic());

        Figure compared = CompareFigures.reliability(ComparedRun.of(runs)).get(0);

        assertInstanceOf(PlainLogAxis.class, ((XYPlot) compared.chart().getPlot()).getDomainAxis());
    }

    @Test
    void meanViewAgainstNUsesTheSameAxis() throws Exception {
        RunData run = RunData.load(Fixtures.sweepOverNodes(dir));
        XYPlot plot = (XYPlot) SweepFigures.pvScaling(run).orElseThrow().chart().getPlot();
        assertInstanceOf(PlainLogAxis.class, plot.getDomainAxis());
    }

    static String text(LogTick tick) {
        if (tick.getAttributedLabel() == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        AttributedCharacterIterator it = tick.getAttributedLabel().getIterator();
        for (char c = it.first(); c != AttributedCharacterIterator.DONE; c = it.next()) {
            out.append(c);
        }
        return out.toString();
    }

    /** A chart drawn at the report's size: its x tick labels and where values fall, in px. */
    record Drawn(ValueAxis axis, Rectangle2D area, List<String> xLabels) {
        static Drawn of(JFreeChart chart) {
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage image = chart.createBufferedImage(ChartTheme.WIDTH, ChartTheme.HEIGHT, info);
            Graphics2D g2 = image.createGraphics();
            try {
                Rectangle2D area = info.getPlotInfo().getDataArea();
                ValueAxis axis = ((XYPlot) chart.getPlot()).getDomainAxis();
                List<String> labels = new ArrayList<>();
                for (Object tick : axis.refreshTicks(g2, new AxisState(), area, RectangleEdge.BOTTOM)) {
                    String label = tick instanceof LogTick log ? text(log) : ((Tick) tick).getText();
                    if (label != null && !label.isEmpty()) {
                        labels.add(label);
                    }
                }
                return new Drawn(axis, area, labels);
            } finally {
                g2.dispose();
            }
        }

        double x(double value) {
            return axis.valueToJava2D(value, area, RectangleEdge.BOTTOM);
        }

        double width() {
            return area.getWidth();
        }
    }
}
