package io.gossip.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Where the labels of a timeline's event markers go: each in the first row, from the top, where
 * its box overlaps no box placed before it, right of its line (left where it would run off the
 * plot: labels on both sides of neighbouring lines read as belonging to the wrong one).
 *
 * <p>More labels than fit in {@link ChartTheme#LABEL_ROWS} rows happen when many actions fall
 * close together (a churn scenario with a crash, a partition and a heal in the same minute, a few
 * broadcasts between them). Then neighbouring actions share one label, {@code 3 crashes 120–135 s}
 * or {@code 4 actions 120–135 s}, drawn at the first of their lines; every line is still drawn and
 * every action is in events.csv. Overlapping boxes hid each other's text, and rows without limit
 * would squeeze the data (the band takes the plot's height from the data), while a reader of a
 * crowded stretch mostly wants to see what happened where and how much. The pair merged first is
 * the closest pair of neighbours among the labels that left no free row, so actions at nearly the
 * same time merge first and labels elsewhere on the time axis stay whole.
 */
final class EventLabels {
    /** Between a line and its label, and the least room between two labels in a row. */
    static final double SIDE_PX = 5;
    static final double GAP_PX = 6;

    /**
     * A label as drawn.
     *
     * @param first the first marker it names (markers are in time order)
     * @param last the last marker it names; {@code first} for a label of one action
     * @param row from 0 at the top
     * @param left whether it sits left of the first marker's line
     */
    record Placed(int first, int last, String text, int row, boolean left, double fromPx, double toPx) {
    }

    private EventLabels() {
    }

    /**
     * Labels for {@code markers} (in time order) on a plot from {@code minPx} to {@code maxPx},
     * with {@code px} giving a time's position and {@code widthPx} a text's width, in up to
     * {@code rows} (at least 1) rows. Every marker is named by exactly one label.
     */
    static List<Placed> layout(List<TimelineView.EventMarker> markers, DoubleUnaryOperator px,
            ToDoubleFunction<String> widthPx, double minPx, double maxPx, int rows) {
        List<int[]> groups = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            groups.add(new int[] {i, i});
        }
        while (true) {
            List<Placed> placed = new ArrayList<>();
            for (int[] group : groups) {
                String text = text(markers, group[0], group[1]);
                double x = px.applyAsDouble(markers.get(group[0]).tMs());
                double width = widthPx.applyAsDouble(text);
                boolean left = x + SIDE_PX + width > maxPx && x - SIDE_PX - width >= minPx;
                double from = left ? x - SIDE_PX - width : x + SIDE_PX;
                int row = freeRow(placed, from, from + width, rows);
                if (row < 0) {
                    mergeClosest(groups, placed, from, from + width, markers, px);
                    break;
                }
                placed.add(new Placed(group[0], group[1], text, row, left, from, from + width));
            }
            if (placed.size() == groups.size()) {
                return placed;
            }
        }
    }

    /** The first row in which nothing placed comes within {@link #GAP_PX} of from..to; -1 if none. */
    private static int freeRow(List<Placed> placed, double from, double to, int rows) {
        for (int row = 0; row < rows; row++) {
            int r = row;
            if (placed.stream().noneMatch(p -> p.row() == r && near(p, from, to))) {
                return row;
            }
        }
        return -1;
    }

    private static boolean near(Placed p, double from, double to) {
        return p.fromPx() < to + GAP_PX && from < p.toPx() + GAP_PX;
    }

    /**
     * Merges two neighbouring groups around the one that found no row ({@code placed.size()},
     * its box {@code from..to}): of the pairs from the earliest label in its way up to it and the
     * group after it, the pair whose lines are closest.
     */
    private static void mergeClosest(List<int[]> groups, List<Placed> placed, double from, double to,
            List<TimelineView.EventMarker> markers, DoubleUnaryOperator px) {
        int stuck = placed.size();
        int first = stuck - 1;
        for (int g = 0; g < stuck; g++) {
            if (near(placed.get(g), from, to)) {
                first = g;
                break;
            }
        }
        int last = Math.min(stuck, groups.size() - 2);
        int best = first;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int g = first; g <= last; g++) {
            double gap = px.applyAsDouble(markers.get(groups.get(g + 1)[0]).tMs())
                    - px.applyAsDouble(markers.get(groups.get(g)[1]).tMs());
            if (gap < bestGap) {
                bestGap = gap;
                best = g;
            }
        }
        groups.set(best, new int[] {groups.get(best)[0], groups.get(best + 1)[1]});
        groups.remove(best + 1);
    }

    /**
     * A marker's own label, or for several: {@code 3 crashes 120–135 s} when they are one action,
     * {@code 4 actions 120–135 s} otherwise, {@code at 120 s} when they happened at once.
     */
    static String text(List<TimelineView.EventMarker> markers, int first, int last) {
        if (first == last) {
            return markers.get(first).label();
        }
        List<TimelineView.EventMarker> some = markers.subList(first, last + 1);
        String action = some.get(0).action();
        boolean same = some.stream().allMatch(m -> m.action().equals(action));
        String what = Numbers.counted(some.size(), same ? action : "action");
        String from = Numbers.compact(some.get(0).tMs() / 1000);
        String to = Numbers.compact(some.get(some.size() - 1).tMs() / 1000);
        return from.equals(to) ? what + " at " + from + " s" : what + " " + from + "–" + to + " s";
    }
}
