package io.gossip.reports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the compared runs' scenarios say, from each run's {@code scenario.yaml} (the effective
 * scenario {@code sim run} writes: the file after {@code --set}, with its seed): a single-point
 * run's value of a parameter that another run swept.
 *
 * <p>Parameters are dotted paths as a sweep names them ({@code network.loss},
 * {@code timeline.1.fraction}): mappings and lists are followed down.
 */
final class ComparedScenarios {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ComparedScenarios() {
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
