package io.gossip.reports;

import java.util.List;
import java.util.Optional;

/**
 * What a run swept, read from {@code points.csv}: the parameter name when the run has more than
 * one point and every point has a numeric value, so charts "against the swept parameter" have an
 * x axis to draw on.
 */
final class Sweep {
    private Sweep() {
    }

    /** The swept parameter, or empty when {@code points} is a single point or not numeric. */
    static Optional<String> parameter(List<PointRow> points) {
        long distinct = points.stream().mapToInt(PointRow::point).distinct().count();
        if (distinct < 2) {
            return Optional.empty();
        }
        String parameter = points.get(0).parameter();
        boolean usable = !parameter.isEmpty() && points.stream()
                .allMatch(p -> p.parameter().equals(parameter) && !Double.isNaN(p.value()));
        return usable ? Optional.of(parameter) : Optional.empty();
    }
}
