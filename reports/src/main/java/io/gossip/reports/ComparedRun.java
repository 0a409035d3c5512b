package io.gossip.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * One run of a comparison. Its place among the runs given ({@code index}, from 0) fixes its colour
 * and its marker, and its label is chosen once among all the runs, so a run looks and is named
 * the same on every chart and in the page's tables, whichever other runs a chart holds.
 *
 * <p>Markers are squares, which the run report does not use: there a filled dot is SCAMP and a
 * hollow ring the global baseline ({@link Plots#sweepMarkers}). The first run's square is filled,
 * each further run's hollow and larger than the one before, so squares at one value nest (two runs
 * at reliability 1 both show) instead of hiding each other.
 *
 * @param index the run's place on the command line, from 0
 * @param run its result files
 * @param label its name in legends, captions and tables
 */
record ComparedRun(int index, RunData run, String label) {
    /** Names of {@link ChartTheme#PALETTE}'s colours, in its order. */
    static final List<String> COLOUR_NAMES = List.of("blue", "vermillion", "bluish green", "reddish purple",
            "orange", "sky blue", "yellow", "black");

    /** Half the side of the first run's filled square, in px (a 9 px square, as large as the dot). */
    static final double FILLED_HALF_SIDE = 4.5;

    /** Half the side of the second run's hollow square; each further run's is {@link #SQUARE_STEP} more. */
    static final double HOLLOW_HALF_SIDE = 7;

    /** How much larger (half side, px) each further run's square is. */
    static final double SQUARE_STEP = 3;

    /** The run's colour: the palette's {@code index}-th, wrapping after eight. */
    Color colour() {
        return ChartTheme.color(index);
    }

    /** The colour in words: {@code blue}, {@code vermillion}, ... */
    String colourName() {
        return COLOUR_NAMES.get(Math.floorMod(index, COLOUR_NAMES.size()));
    }

    /** The run's marker: a filled square for the first run, a hollow one, larger per run, after it. */
    Shape marker() {
        double half = halfSide();
        return new Rectangle2D.Double(-half, -half, 2 * half, 2 * half);
    }

    private double halfSide() {
        return index == 0 ? FILLED_HALF_SIDE : HOLLOW_HALF_SIDE + SQUARE_STEP * (index - 1);
    }

    /** The marker in words: {@code filled square}, {@code hollow square, 14 px}. */
    String markerName() {
        return index == 0 ? "filled square" : "hollow square, " + Numbers.compact(2 * halfSide()) + " px";
    }

    /** The run's colour and marker in words, for the page's table: {@code blue, filled square}. */
    String style() {
        return colourName() + ", " + markerName();
    }

    /** Gives {@code series} of {@code renderer} the run's colour, as line, bar and band. */
    void paint(AbstractRenderer renderer, int series) {
        renderer.setSeriesPaint(series, colour());
        renderer.setSeriesFillPaint(series, colour());
    }

    /** Gives {@code series} of {@code renderer} the run's colour and marker. */
    void mark(XYLineAndShapeRenderer renderer, int series) {
        paint(renderer, series);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        renderer.setSeriesShape(series, marker());
        renderer.setSeriesShapesFilled(series, index == 0);
        renderer.setSeriesOutlineStroke(series, index == 0 ? new BasicStroke(0.5f) : Plots.RING_OUTLINE);
    }

    /**
     * The runs in the order given, each with its label: its scenario, plus its folder name when
     * another run has the same scenario, plus a number if even that clashes.
     */
    static List<ComparedRun> of(List<RunData> runs) {
        Map<String, Integer> scenarioCount = new HashMap<>();
        runs.forEach(r -> scenarioCount.merge(r.summary().scenario(), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<ComparedRun> compared = new ArrayList<>();
        for (RunData run : runs) {
            String scenario = run.summary().scenario();
            String label = scenarioCount.get(scenario) > 1 ? scenario + " (" + run.folderName() + ")" : scenario;
            int n = seen.merge(label, 1, Integer::sum);
            compared.add(new ComparedRun(compared.size(), run, n > 1 ? label + " #" + n : label));
        }
        return List.copyOf(compared);
    }
}
