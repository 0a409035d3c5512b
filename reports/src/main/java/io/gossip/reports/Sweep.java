package io.gossip.reports;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;

/**
 * What a run swept, read from {@code points.csv}, and how charts "against the swept parameter"
 * place its points on an x axis.
 *
 * <p>A numeric sweep ({@code nodes}, {@code network.loss}, a crash fraction) puts each point at its
 * value on a number axis. A sweep over words ({@code membership.type}, {@code timeline.0.contacts},
 * {@code protocol.indirection}) is <em>categorical</em>: its values, in the order the sweep ran them,
 * sit at x = 0, 1, 2, ... on an axis labelled with the words, and charts draw them without lines
 * between the categories. A sweep mixing numbers and words is categorical too.
 *
 * @param parameter the swept parameter's dotted path
 * @param categories the values in point order when the sweep is categorical; empty when numeric
 */
record Sweep(String parameter, List<String> categories) {

    /** The sweep of {@code points}, or empty when they hold a single point or name no parameter. */
    static Optional<Sweep> of(List<PointRow> points) {
        long distinct = points.stream().mapToInt(PointRow::point).distinct().count();
        if (distinct < 2) {
            return Optional.empty();
        }
        String parameter = points.get(0).parameter();
        boolean named = !parameter.isEmpty() && points.stream()
                .allMatch(p -> p.parameter().equals(parameter) && !p.valueText().isEmpty());
        if (!named) {
            return Optional.empty();
        }
        boolean numeric = points.stream().noneMatch(p -> Double.isNaN(p.value()));
        if (numeric) {
            return Optional.of(new Sweep(parameter, List.of()));
        }
        List<String> categories = points.stream()
                .sorted(Comparator.comparingInt(PointRow::point))
                .map(PointRow::valueText)
                .distinct()
                .toList();
        return Optional.of(new Sweep(parameter, categories));
    }

    /** The swept parameter, or empty when {@code points} is not a sweep. */
    static Optional<String> parameter(List<PointRow> points) {
        return of(points).map(Sweep::parameter);
    }

    /** Whether the points sit at their numeric values rather than at category positions. */
    boolean numeric() {
        return categories.isEmpty();
    }

    /** Where {@code point} sits on the x axis. */
    double x(PointRow point) {
        return numeric() ? point.value() : categories.indexOf(point.valueText());
    }

    /** The x axis: numbers, or the category words at 0, 1, 2, ... */
    ValueAxis axis(String label) {
        if (numeric()) {
            NumberAxis axis = new NumberAxis(label);
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.###",
                    DecimalFormatSymbols.getInstance(Locale.ROOT)));
            return axis;
        }
        SymbolAxis axis = new SymbolAxis(label, categories.toArray(String[]::new));
        axis.setGridBandsVisible(false);
        axis.setAutoRangeIncludesZero(false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        axis.setRange(-0.5, categories.size() - 0.5);
        return axis;
    }
}
