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
 * <p>A numeric sweep whose values are all above 0 and span a factor of {@value #LOG_AXIS_MIN_RATIO}
 * or more ({@code nodes} from 1,000 to 100,000, {@code network.loss} from 0.001 to 0.3) gets a
 * logarithmic axis labelled with plain numbers: on a linear one its smallest values would share
 * the first twentieth of the axis (1,000, 2,000 and 5,000 of a 1,000–100,000 sweep crowd at the
 * left). Below that factor, or with a value of 0 (a crash fraction from 0 to 0.6), the axis is
 * linear, which reads more naturally where the values are comparable.
 *
 * @param parameter the swept parameter's dotted path
 * @param categories the values in point order when the sweep is categorical; empty when numeric
 * @param values the distinct values in ascending order when the sweep is numeric; empty else
 */
record Sweep(String parameter, List<String> categories, List<Double> values) {
    /** The smallest largest-to-smallest ratio of positive swept values that gets a log axis. */
    static final double LOG_AXIS_MIN_RATIO = 20;

    /** A sweep whose values are numbers, placed at their values. */
    static Sweep numeric(String parameter, List<Double> values) {
        return new Sweep(parameter, List.of(), values.stream().distinct().sorted().toList());
    }

    /** A sweep whose values are words (or mappings), placed at 0, 1, 2, ... in this order. */
    static Sweep categorical(String parameter, List<String> categories) {
        return new Sweep(parameter, List.copyOf(categories), List.of());
    }

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
            return Optional.of(numeric(parameter, points.stream().map(PointRow::value).toList()));
        }
        List<String> categories = points.stream()
                .sorted(Comparator.comparingInt(PointRow::point))
                .map(PointRow::valueText)
                .distinct()
                .toList();
        return Optional.of(categorical(parameter, categories));
    }

    /** The swept parameter, or empty when {@code points} is not a sweep. */
    static Optional<String> parameter(List<PointRow> points) {
        return of(points).map(Sweep::parameter);
    }

    /** Whether the points sit at their numeric values rather than at category positions. */
    boolean numeric() {
        return categories.isEmpty();
    }

    /**
     * Whether the x axis is logarithmic: numeric values, all above 0, the largest at least
     * {@value #LOG_AXIS_MIN_RATIO} times the smallest.
     */
    boolean logarithmic() {
        return numeric() && !values.isEmpty() && values.get(0) > 0
                && values.get(values.size() - 1) / values.get(0) >= LOG_AXIS_MIN_RATIO;
    }

    /** Where {@code point} sits on the x axis. */
    double x(PointRow point) {
        return numeric() ? point.value() : categories.indexOf(point.valueText());
    }

    /** The x axis: numbers (on a log scale, see {@link #logarithmic}), or the category words. */
    ValueAxis axis(String label) {
        if (logarithmic()) {
            return new PlainLogAxis(label + " (log scale)");
        }
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
