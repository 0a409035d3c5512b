package io.gossip.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs of a comparison drawn against one swept parameter, on one shared x axis: a number axis
 * when all their values are numbers, else the union of their values as categories; logarithmic
 * when all their values together span enough (the same rule as one run's). Each chart of a
 * comparison "against the swept parameter" draws one of these.
 *
 * <p>Every run that swept the parameter is a member, and so is a run of a single point whose
 * scenario sets the parameter: it is one marker at its value ({@code network.loss: 0.1} in its
 * scenario.yaml, or the one value of a sweep of one value), so a single run and a sweep compare at
 * the sweep's values. A single-point run whose scenario does not set the parameter (the
 * simulator's default applied, which the results do not record), or a run that swept another
 * parameter, is left out, and {@link #leftOut} says so for the caption.
 *
 * @param sweep the shared axis (its parameter is the runs' parameter)
 * @param members the runs drawn, in the order the runs were given
 * @param xLabel the axis label: the parameter named as the run charts name it
 *     ({@code timeline.1.fraction (crash fraction)}) when the runs' scenarios agree on what it is
 * @param leftOut each run left out, by label, with why ({@code small: its scenario.yaml does not set
 *     network.loss})
 */
record ComparedSweep(Sweep sweep, List<Member> members, String xLabel, List<String> leftOut) {

    /**
     * One run on the shared axis: its points (a single-point run's given the parameter and its
     * value), and how far its markers move sideways on a category axis so that the runs' markers
     * do not hide each other (nothing on a number axis).
     *
     * @param onePoint whether the run has a single point, drawn as one marker
     */
    record Member(ComparedRun run, List<PointRow> points, double shift, boolean onePoint) {
        String label() {
            return run.label();
        }
    }

    String parameter() {
        return sweep.parameter();
    }

    /** The members drawn as one marker each: runs of a single point. */
    List<Member> onePointMembers() {
        return members.stream().filter(Member::onePoint).toList();
    }

    /** One per parameter that any run swept, in the order the runs were given. */
    static List<ComparedSweep> of(List<ComparedRun> runs) {
        Map<String, List<ComparedRun>> byParameter = new LinkedHashMap<>();
        for (ComparedRun run : runs) {
            Sweep.parameter(run.run().points())
                    .ifPresent(p -> byParameter.computeIfAbsent(p, k -> new ArrayList<>()).add(run));
        }
        List<ComparedSweep> sweeps = new ArrayList<>();
        byParameter.forEach((parameter, swept) -> sweeps.add(of(parameter, swept, runs)));
        return sweeps;
    }

    private static ComparedSweep of(String parameter, List<ComparedRun> swept, List<ComparedRun> runs) {
        List<ComparedRun> drawn = new ArrayList<>();
        List<List<PointRow>> points = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (ComparedRun run : runs) {
            if (swept.contains(run)) {
                drawn.add(run);
                points.add(run.run().points());
                continue;
            }
            Optional<String> sweptInstead = Sweep.parameter(run.run().points());
            if (sweptInstead.isPresent()) {
                leftOut.add(run.label() + ": it swept " + sweptInstead.get() + " instead");
                continue;
            }
            Optional<String> value = onePointValue(run.run(), parameter);
            if (value.isPresent()) {
                drawn.add(run);
                points.add(run.run().points().stream().map(p -> at(p, parameter, value.get())).toList());
            } else {
                leftOut.add(run.label() + ": " + (run.run().scenarioYaml().isEmpty() ? "it has no scenario.yaml"
                        : "its scenario.yaml does not set " + parameter));
            }
        }
        boolean numeric = points.stream().flatMap(List::stream).noneMatch(p -> Double.isNaN(p.value()));
        Sweep sweep;
        if (numeric) {
            sweep = Sweep.numeric(parameter, points.stream().flatMap(List::stream).map(PointRow::value).toList());
        } else {
            List<String> categories = new ArrayList<>();
            for (List<PointRow> rows : points) {
                rows.stream().sorted(Comparator.comparingInt(PointRow::point)).map(PointRow::valueText)
                        .filter(v -> !categories.contains(v)).forEach(categories::add);
            }
            sweep = Sweep.categorical(parameter, categories);
        }
        List<String> named = drawn.stream()
                .map(r -> ParameterNames.describe(parameter, r.run().scenarioYaml()))
                .filter(name -> !name.equals(parameter)).distinct().toList();
        List<Member> members = new ArrayList<>();
        for (int k = 0; k < drawn.size(); k++) {
            members.add(new Member(drawn.get(k), List.copyOf(points.get(k)),
                    ReliabilityCurves.shift(sweep, k, drawn.size()), !swept.contains(drawn.get(k))));
        }
        return new ComparedSweep(sweep, List.copyOf(members),
                SweepCharts.axisLabel(named.size() == 1 ? named.get(0) : parameter), List.copyOf(leftOut));
    }

    /**
     * A single-point run's value of {@code parameter}: the value of its points.csv when it is a
     * sweep of one value over that parameter, else the value its scenario.yaml sets; empty for a run
     * of several points or without a value.
     */
    static Optional<String> onePointValue(RunData run, String parameter) {
        List<PointRow> rows = run.points();
        if (rows.isEmpty() || rows.stream().mapToInt(PointRow::point).distinct().count() != 1) {
            return Optional.empty();
        }
        PointRow first = rows.get(0);
        if (first.parameter().equals(parameter) && !first.valueText().isEmpty()) {
            return Optional.of(first.valueText());
        }
        return ComparedScenarios.valueOf(run, parameter);
    }

    /** {@code row} as a point of a sweep of {@code parameter} at {@code value}. */
    private static PointRow at(PointRow row, String parameter, String value) {
        return new PointRow(row.point(), parameter, value, PointRow.numericOrNaN(value), row.membership(),
                row.repetitions(), row.nodes(), row.c(), row.coverageMean(), row.reliability(),
                row.reliabilityStddev(), row.pvMean(), row.pvExpected(), row.ivMean(), row.messagesPerNode(),
                row.duplicateRatio(), row.t99MsMean(), row.t100MsMean(), row.pvMeanStddev());
    }
}
