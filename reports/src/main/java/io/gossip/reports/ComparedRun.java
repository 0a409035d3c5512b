package io.gossip.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** A label longer than this names its run by folder rather than by scenario keys. */
    static final int MAX_KEYS_LABEL = 40;

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
     * The runs in the order given, each with its label: its scenario name; where several runs share
     * one, the name and the scenario keys in which those runs differ ({@code loss (network.loss=0.2)},
     * see {@link ComparedScenarios}) when at most two keys tell all of them apart, else the name and
     * the shortest end of the folder's path that no other of them shares ({@code loss (x/out)}).
     */
    static List<ComparedRun> of(List<RunData> runs) {
        Map<String, List<Integer>> byScenario = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            byScenario.computeIfAbsent(runs.get(i).summary().scenario(), s -> new ArrayList<>()).add(i);
        }
        String[] labels = new String[runs.size()];
        byScenario.forEach((scenario, indices) -> {
            if (indices.size() == 1) {
                labels[indices.get(0)] = scenario;
                return;
            }
            List<RunData> group = indices.stream().map(runs::get).toList();
            List<String> suffixes = byKeys(group).orElseGet(() -> folderSuffixes(group));
            for (int k = 0; k < indices.size(); k++) {
                labels[indices.get(k)] = scenario + " (" + suffixes.get(k) + ")";
            }
        });
        // A label could still equal another run's ("a (b)" named so, beside a run "a" in folder b).
        Map<String, Integer> seen = new HashMap<>();
        List<ComparedRun> compared = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            int n = seen.merge(labels[i], 1, Integer::sum);
            compared.add(new ComparedRun(i, runs.get(i), n > 1 ? labels[i] + " #" + n : labels[i]));
        }
        return List.copyOf(compared);
    }

    /** The differing keys of {@code group}'s scenarios as each run's label suffix, when they tell all apart. */
    private static Optional<List<String>> byKeys(List<RunData> group) {
        List<Map<String, String>> keys = new ArrayList<>();
        for (RunData run : group) {
            Optional<Map<String, String>> k = ComparedScenarios.keys(run);
            if (k.isEmpty()) {
                return Optional.empty();
            }
            keys.add(k.get());
        }
        List<ComparedScenarios.Difference> differences = ComparedScenarios.of(keys);
        if (differences.isEmpty() || differences.size() > 2) {
            return Optional.empty();
        }
        List<String> suffixes = new ArrayList<>();
        for (int run = 0; run < group.size(); run++) {
            int r = run;
            String suffix = String.join(", ", differences.stream().map(d -> d.label(r)).toList());
            if (suffix.length() > MAX_KEYS_LABEL || suffixes.contains(suffix)) {
                return Optional.empty();
            }
            suffixes.add(suffix);
        }
        return Optional.of(suffixes);
    }

    /**
     * For each run of {@code group}, the fewest last parts of its folder's absolute path that no
     * other run of the group ends with ({@code out} when the others are not called so, else
     * {@code x/out}); the whole path when that is needed.
     */
    static List<String> folderSuffixes(List<RunData> group) {
        List<Path> paths = group.stream().map(r -> r.dir().toAbsolutePath().normalize()).toList();
        List<String> suffixes = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            String suffix = path.toString();
            for (int k = 1; k <= path.getNameCount(); k++) {
                Path end = end(path, k);
                int self = i;
                boolean shared = false;
                for (int j = 0; j < paths.size(); j++) {
                    shared |= j != self && end.equals(end(paths.get(j), k));
                }
                if (!shared) {
                    suffix = end.toString();
                    break;
                }
            }
            suffixes.add(suffix);
        }
        return suffixes;
    }

    /** The last {@code k} parts of {@code path}, or the whole path when it has no more. */
    private static Path end(Path path, int k) {
        int n = path.getNameCount();
        return k >= n ? path : path.subpath(n - k, n);
    }
}
