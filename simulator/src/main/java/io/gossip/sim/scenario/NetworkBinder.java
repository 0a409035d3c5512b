package io.gossip.sim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the {@code network} mapping: {@code latency} (a number of milliseconds for a constant
 * latency, or a mapping with a {@code type}), optional {@code regions}, and {@code loss} (a
 * probability, or a mapping with a {@code type}). Defaults: constant 10 ms latency, no loss.
 */
final class NetworkBinder {
    static final List<String> KEYS = List.of("latency", "regions", "loss");
    static final double DEFAULT_LATENCY_MILLIS = 10;

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Map<String, List<String>> LATENCY_KEYS = new LinkedHashMap<>();
    private static final Map<String, List<String>> LOSS_KEYS = new LinkedHashMap<>();

    static {
        LATENCY_KEYS.put("constant", List.of("type", "millis"));
        LATENCY_KEYS.put("uniform", List.of("type", "minMillis", "maxMillis"));
        LATENCY_KEYS.put("normal", List.of("type", "meanMillis", "stddevMillis"));
        LATENCY_KEYS.put("lognormal", List.of("type", "medianMillis", "sigma"));
        LOSS_KEYS.put("independent", List.of("type", "probability"));
        LOSS_KEYS.put("gilbert-elliott", List.of("type", "goodToBad", "badToGood", "lossInGood", "lossInBad"));
    }

    private NetworkBinder() {
    }

    /**
     * The network model, or the defaults when {@code node} is null. Every problem of the section is
     * reported: unknown keys, and each wrong value of latency, regions and loss.
     */
    static NetworkSpec bind(YamlNode node) throws ScenarioException {
        if (node == null) {
            return new NetworkSpec(new LatencySpec.Constant(DEFAULT_LATENCY_MILLIS), null, LossSpec.none());
        }
        Problems p = new Problems();
        Fields f = Fields.of(node, "network", KEYS, p.list());
        LatencySpec latency = f.has("latency") ? p.check(() -> latency(f.node("latency")))
                : new LatencySpec.Constant(DEFAULT_LATENCY_MILLIS);
        RegionsSpec regions = f.has("regions") ? p.check(() -> regions(f.node("regions"))) : null;
        LossSpec loss = f.has("loss") ? p.check(() -> loss(f.node("loss"))) : LossSpec.none();
        p.throwIfAny();
        return new NetworkSpec(latency, regions, loss);
    }

    private static LatencySpec latency(YamlNode node) throws ScenarioException {
        String path = "network.latency";
        if (node instanceof YamlNode.Scalar) {
            return new LatencySpec.Constant(Values.number(node, path, 0, INF));
        }
        String type = type(node, path, LATENCY_KEYS);
        Problems p = new Problems();
        Fields f = Fields.of(node, path, LATENCY_KEYS.get(type), p.list());
        switch (type) {
            case "constant": {
                Double millis = p.check(() -> f.number("millis", 0, INF));
                p.throwIfAny();
                return f.construct(() -> new LatencySpec.Constant(millis));
            }
            case "uniform": {
                Double min = p.check(() -> f.number("minMillis", 0, INF));
                Double max = p.check(() -> f.number("maxMillis", 0, INF));
                p.throwIfAny();
                return f.construct(() -> new LatencySpec.Uniform(min, max));
            }
            case "normal": {
                Double mean = p.check(() -> f.number("meanMillis", 0, INF));
                Double stddev = p.check(() -> f.number("stddevMillis", 0, INF));
                p.throwIfAny();
                return f.construct(() -> new LatencySpec.Normal(mean, stddev));
            }
            default: {
                Double median = p.check(() -> f.number("medianMillis", Values.POSITIVE, INF));
                Double sigma = p.check(() -> f.number("sigma", 0, INF));
                p.throwIfAny();
                return f.construct(() -> new LatencySpec.LogNormal(median, sigma));
            }
        }
    }

    private static RegionsSpec regions(YamlNode node) throws ScenarioException {
        Problems p = new Problems();
        Fields f = Fields.of(node, "network.regions", List.of("count", "intraRegionMillis", "interRegionMillis"),
                p.list());
        Long count = p.check(() -> f.integer("count", 1, Integer.MAX_VALUE));
        Double intra = p.check(() -> f.number("intraRegionMillis", 0, 0, INF));
        Double inter = p.check(() -> f.number("interRegionMillis", 0, INF));
        p.throwIfAny();
        return f.construct(() -> new RegionsSpec(count.intValue(), intra, inter));
    }

    private static LossSpec loss(YamlNode node) throws ScenarioException {
        String path = "network.loss";
        if (node instanceof YamlNode.Scalar) {
            return new LossSpec.Independent(Values.number(node, path, 0, 1));
        }
        String type = type(node, path, LOSS_KEYS);
        Problems p = new Problems();
        Fields f = Fields.of(node, path, LOSS_KEYS.get(type), p.list());
        if (type.equals("independent")) {
            Double probability = p.check(() -> f.number("probability", 0, 1));
            p.throwIfAny();
            return f.construct(() -> new LossSpec.Independent(probability));
        }
        Double goodToBad = p.check(() -> f.number("goodToBad", 0, 1));
        Double badToGood = p.check(() -> f.number("badToGood", 0, 1));
        Double lossInGood = p.check(() -> f.number("lossInGood", 0, 0, 1));
        Double lossInBad = p.check(() -> f.number("lossInBad", 1, 0, 1));
        p.throwIfAny();
        return f.construct(() -> new LossSpec.GilbertElliott(goodToBad, badToGood, lossInGood, lossInBad));
    }

    /** The {@code type} word of a mapping whose keys depend on it. */
    private static String type(YamlNode node, String path, Map<String, List<String>> keysByType)
            throws ScenarioException {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw Values.wrongType(node, path, "a number or a mapping with a type ("
                    + String.join(", ", keysByType.keySet()) + ")");
        }
        YamlNode type = mapping.get("type");
        if (type == null) {
            throw new ScenarioException(mapping.location(), "missing required key 'type' in " + path
                    + " (one of: " + String.join(", ", keysByType.keySet()) + ")");
        }
        Map<String, String> options = new LinkedHashMap<>();
        keysByType.keySet().forEach(k -> options.put(k, k));
        return Values.choice(type, path + ".type", options);
    }
}
