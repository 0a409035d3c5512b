package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Paint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        figures.addAll(CompareFigures.of(List.of(timeline, c, nodes)));
        return figures;
    }

    @Test
    void everyChartSharesBackgroundFontsAndGrid() throws Exception {
        List<Figure> figures = everyFigure();
        // 9 charts for the timeline run, 8 for the c sweep (coverage against c added), 9 for the
        // nodes sweep, 8 for the categorical sweep, 4 without broadcasts (two histograms, view
        // against n, messages), 6 compared.
        assertEquals(44, figures.size());
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
            if (figure.chart().getPlot() instanceof XYPlot xy && xy.getDataset(0).getSeriesCount() > 1
                    && !figure.fileName().startsWith("timeline-view")) {
                // Latency curves come in t99/t100 pairs sharing a colour.
                int second = figure.fileName().contains("latency") ? 2 : 1;
                assertEquals(0x0072B2, rgb(xy.getRenderer(0).getSeriesPaint(0)), figure.fileName());
                assertEquals(0xD55E00, rgb(xy.getRenderer(0).getSeriesPaint(second)), figure.fileName());
            }
        }
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
