package io.gossip.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs of a comparison that swept one parameter, on one shared x axis: a number axis when every
 * one of them swept numbers, else the union of their values as categories; logarithmic when all
 * their values together span enough (the same rule as one run's). Each chart of a comparison
 * "against the swept parameter" draws one of these.
 *
 * @param sweep the shared axis (its parameter is the runs' parameter)
 * @param members the runs that swept it, in the order the runs were given
 * @param xLabel the axis label: the parameter named as the run charts name it
 *     ({@code timeline.1.fraction (crash fraction)}) when the runs' scenarios agree on what it is
 */
record ComparedSweep(Sweep sweep, List<Member> members, String xLabel) {

    /**
     * One run on the shared axis, and how far its markers move sideways on a category axis so that
     * the runs' markers do not hide each other (nothing on a number axis).
     */
    record Member(ComparedRun run, double shift) {
        String label() {
            return run.label();
        }

        List<PointRow> points() {
            return run.run().points();
        }
    }

    String parameter() {
        return sweep.parameter();
    }

    /** One per parameter that any run swept, in the order the runs were given. */
    static List<ComparedSweep> of(List<ComparedRun> compared) {
        List<RunData> runs = compared.stream().map(ComparedRun::run).toList();
        Map<String, List<Integer>> byParameter = new LinkedHashMap<>();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Optional<Sweep> sweep = Sweep.of(runs.get(i).points());
            if (sweep.isPresent()) {
                String parameter = sweep.get().parameter();
                byParameter.computeIfAbsent(parameter, p -> new ArrayList<>()).add(i);
                numeric.merge(parameter, sweep.get().numeric(), Boolean::logicalAnd);
                List<String> words = categories.computeIfAbsent(parameter, p -> new ArrayList<>());
                runs.get(i).points().stream().sorted(Comparator.comparingInt(PointRow::point))
                        .map(PointRow::valueText).filter(v -> !words.contains(v)).forEach(words::add);
                values.computeIfAbsent(parameter, p -> new ArrayList<>()).addAll(sweep.get().values());
            }
        }
        List<ComparedSweep> sweeps = new ArrayList<>();
        byParameter.forEach((parameter, indices) -> {
            Sweep sweep = numeric.get(parameter)
                    ? Sweep.numeric(parameter, values.get(parameter))
                    : Sweep.categorical(parameter, categories.get(parameter));
            List<String> named = indices.stream()
                    .map(i -> ParameterNames.describe(parameter, runs.get(i).scenarioYaml()))
                    .filter(name -> !name.equals(parameter)).distinct().toList();
            List<Member> members = new ArrayList<>();
            for (int k = 0; k < indices.size(); k++) {
                members.add(new Member(compared.get(indices.get(k)),
                        ReliabilityCurves.shift(sweep, k, indices.size())));
            }
            sweeps.add(new ComparedSweep(sweep, List.copyOf(members),
                    SweepCharts.axisLabel(named.size() == 1 ? named.get(0) : parameter)));
        });
        return sweeps;
    }
}
