package io.gossip.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random {@code --set key=value} assignments: known paths and broken ones, values of every kind. */
final class Overriding {
    /** Paths into the scenario tree, most of them of keys the format knows. */
    static final List<String> PATHS = paths();

    private static final List<String> ODD_PATHS = List.of("", " ", ".", "..", "a..b", ".nodes", "nodes.", "nodes.x",
            "timeline.-1", "timeline.99999999999", "timeline.0.0", "timeline.x", "timeline.0.action.x", " nodes ",
            "NODES", "nodes\t", "nödes", "sweep", "sweep.parameter.x", "sweep.values.0", "sweep.values.-1", "name.x",
            "protocol.c.d", "network.latency.millis", "network.loss.type", "live.timeScale.x", "seed", "seed.x",
            "timeline.0.nodes.0", "timeline.1.fractions.0", "timeline.2.fractions.5", "output.x.y.z");

    private Overriding() {
    }

    /** One assignment, well-formed or not. */
    static String assignment(SplittableRandom random) {
        String path = random.nextInt(4) == 0 ? ODD_PATHS.get(random.nextInt(ODD_PATHS.size()))
                : PATHS.get(random.nextInt(PATHS.size()));
        String value = ScenarioMutator.value(random);
        switch (random.nextInt(12)) {
            case 0:
                return path; // no '='
            case 1:
                return path + "=" + value + "=" + value;
            case 2:
                return "=" + value;
            case 3:
                return path + "=";
            default:
                return path + "=" + value;
        }
    }

    /** An assignment to a path that {@code text} has, with a boundary or random value. */
    static String valueOfAKnownPath(SplittableRandom random, String text) {
        List<String> present = new ArrayList<>();
        for (String path : PATHS) {
            String last = path.substring(path.lastIndexOf('.') + 1);
            if (text.contains(last)) {
                present.add(path);
            }
        }
        return present.get(random.nextInt(present.size())) + "=" + ScenarioMutator.value(random);
    }

    private static List<String> paths() {
        List<String> paths = new ArrayList<>(ScenarioBinder.KEYS);
        ProtocolBinder.KEYS.forEach(k -> paths.add("protocol." + k));
        paths.addAll(List.of("network.latency", "network.latency.type", "network.latency.millis",
                "network.latency.minMillis", "network.latency.maxMillis", "network.latency.meanMillis",
                "network.latency.stddevMillis", "network.latency.medianMillis", "network.latency.sigma",
                "network.regions", "network.regions.count", "network.regions.intraRegionMillis",
                "network.regions.interRegionMillis", "network.loss", "network.loss.type", "network.loss.probability",
                "network.loss.goodToBad", "network.loss.badToGood", "network.loss.lossInGood", "network.loss.lossInBad",
                "membership.type", "membership.fanout", "membership.failureDetector", "baseline.type",
                "baseline.fanout", "baseline.failureDetector", "output.timelineSampleMillis",
                "output.coverageStepMillis", "live.timeScale", "live.loopThreads", "sweep.parameter", "sweep.values"));
        for (int i = 0; i < 4; i++) {
            for (List<String> keys : TimelineBinder.KEYS.values()) {
                for (String key : keys) {
                    String path = "timeline." + i + "." + key;
                    if (!paths.contains(path)) {
                        paths.add(path);
                    }
                }
            }
        }
        return List.copyOf(paths);
    }
}
