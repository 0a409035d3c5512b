package io.gossip.reports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the compared runs' scenarios say, key by key, from each run's {@code scenario.yaml} (the
 * effective scenario {@code sim run} writes: the file after {@code --set}, with its seed): the keys
 * in which they differ, shown on the comparison page and by {@code sim compare} on stderr, and a
 * single-point run's value of a parameter that another run swept.
 *
 * <p>Keys are dotted paths as a sweep names them ({@code network.loss}, {@code timeline.1.fraction}):
 * mappings and lists of mappings are followed down, a list of plain values is one value
 * ({@code [0.1, 0.2]}). A key the file does not set is {@link #NOT_SET} (the simulator's default
 * applies, which the file does not say). A sweep's parameter is {@code swept: 0, 0.1, 0.2} instead
 * of the value each point replaced, and {@code sweep.parameter} and {@code sweep.values} are not
 * listed on their own. The scenario's {@code name} is left out: the runs' labels show it.
 */
final class ComparedScenarios {
    /** The value of a key a scenario does not set. */
    static final String NOT_SET = "(not set)";

    /** How a swept parameter's value starts. */
    static final String SWEPT = "swept: ";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ComparedScenarios() {
    }

    /**
     * One key in which the scenarios differ.
     *
     * @param key the dotted path
     * @param values its value in each run's scenario, in the runs' order; {@link #NOT_SET} where absent
     */
    record Difference(String key, List<String> values) {
        /** The key and one run's value in a label: {@code network.loss=0.2}, {@code network.loss swept}. */
        String label(int run) {
            String value = values.get(run);
            if (value.equals(NOT_SET)) {
                return key + " not set";
            }
            return value.startsWith(SWEPT) ? key + " swept" : key + "=" + value;
        }

        /** The key and one run's value in full: {@code network.loss swept over 0, 0.1, 0.2}. */
        String shown(int run) {
            String value = value(run);
            return value.startsWith("swept") || value.equals("not set") ? key + " " + value : key + "=" + value;
        }

        /** One run's value in words: {@code 0.2}, {@code swept over 0, 0.1, 0.2}, {@code not set}. */
        String value(int run) {
            String value = values.get(run);
            if (value.equals(NOT_SET)) {
                return "not set";
            }
            return value.startsWith(SWEPT) ? "swept over " + value.substring(SWEPT.length()) : value;
        }
    }

    /**
     * The keys of {@code run}'s scenario.yaml with their values, in file order; empty when the run
     * has no scenario.yaml or it does not parse (a live run's folder always has one).
     */
    static Optional<Map<String, String>> keys(RunData run) {
        Optional<JsonNode> root = tree(run);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> keys = new LinkedHashMap<>();
        flatten("", root.get(), keys);
        keys.remove("name");
        String parameter = keys.get("sweep.parameter");
        JsonNode values = root.get().path("sweep").path("values");
        if (parameter != null && values.isArray()) {
            keys.keySet().removeIf(k -> k.equals(parameter) || k.startsWith(parameter + "."));
            keys.remove("sweep.parameter");
            keys.remove("sweep.values");
            List<String> texts = new ArrayList<>();
            values.forEach(v -> texts.add(text(v)));
            keys.put(parameter, SWEPT + String.join(", ", texts));
        }
        return Optional.of(keys);
    }

    /**
     * The runs whose scenario.yaml could be read, in their order, and how those scenarios differ;
     * {@link Difference#value} and {@link Difference#shown} index {@code known}.
     */
    record Compared(List<ComparedRun> known, List<Difference> differences) {
    }

    /** Reads every run's scenario keys and compares those that have them. */
    static Compared of(Collection<ComparedRun> runs) {
        List<ComparedRun> known = new ArrayList<>();
        List<Map<String, String>> keys = new ArrayList<>();
        for (ComparedRun run : runs) {
            Optional<Map<String, String>> k = keys(run.run());
            if (k.isPresent()) {
                known.add(run);
                keys.add(k.get());
            }
        }
        return new Compared(known, of(keys));
    }

    /**
     * The keys whose values are not the same in all of {@code keys} (one map per run), in the
     * order they first appear.
     */
    static List<Difference> of(List<Map<String, String>> keys) {
        Set<String> all = new LinkedHashSet<>();
        keys.forEach(k -> all.addAll(k.keySet()));
        List<Difference> differences = new ArrayList<>();
        for (String key : all) {
            List<String> values = keys.stream().map(k -> k.getOrDefault(key, NOT_SET)).toList();
            if (values.stream().distinct().count() > 1) {
                differences.add(new Difference(key, values));
            }
        }
        return differences;
    }

    /**
     * The value {@code run}'s scenario.yaml sets for the dotted {@code parameter}, written as a
     * sweep's value is in points.csv (a number, a word, or a mapping as {@code type: constant
     * millis: 50}); empty when the file does not set it.
     */
    static Optional<String> valueOf(RunData run, String parameter) {
        Optional<JsonNode> root = tree(run);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = root.get();
        for (String part : parameter.split("\\.")) {
            if (node.isArray() && part.matches("\\d{1,9}")) {
                node = node.path(Integer.parseInt(part));
            } else {
                node = node.path(part);
            }
            if (node.isMissingNode() || node.isNull()) {
                return Optional.empty();
            }
        }
        return Optional.of(text(node));
    }

    private static Optional<JsonNode> tree(RunData run) {
        if (run.scenarioYaml().isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode root = YAML.readTree(run.scenarioYaml().get());
            return root != null && root.isObject() ? Optional.of(root) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray() && node.size() > 0 && !allScalars(node)) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), into);
            }
        } else {
            into.put(prefix, text(node));
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value as text: numbers without trailing zeros ({@code 0.10} and {@code 0.1} are one value),
     * a list of plain values in brackets, a mapping as {@code key: value} pairs on one line.
     */
    static String text(JsonNode node) {
        if (node.isNumber() && Double.isFinite(node.doubleValue())) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(text(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (node.isObject()) {
            List<String> pairs = new ArrayList<>();
            node.fields().forEachRemaining(f -> pairs.add(f.getKey() + ": " + text(f.getValue())));
            return String.join(" ", pairs);
        }
        return node.isNull() ? "null" : node.asText();
    }
}
