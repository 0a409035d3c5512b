package io.gossip.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Typed reads of JSON fields that name the file and the field path in every error, so a malformed
 * {@code summary.json} says where it is wrong instead of producing an empty cell, or a number that
 * cannot be right (a reliability of 1.5) instead of showing it.
 */
final class JsonFields {
    private final Path file;

    JsonFields(Path file) {
        this.file = file;
    }

    /** The number at {@code path}, or NaN when it or a parent is absent or {@code null}. */
    double number(JsonNode root, String... path) throws ReportException {
        JsonNode node = at(root, path);
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (!node.isNumber()) {
            throw fail("'" + String.join(".", path) + "' is not a number: " + node);
        }
        return node.asDouble();
    }

    /** {@link #number}, refused when below 0: a count, a time, a size or a mean of them. */
    double nonNegative(JsonNode root, String... path) throws ReportException {
        double value = number(root, path);
        if (value < 0) {
            throw outOfRange(root, path, "must be 0 or more");
        }
        return value;
    }

    /** {@link #number}, refused outside 0 to 1: a coverage, a reliability, a ratio. */
    double fraction(JsonNode root, String... path) throws ReportException {
        double value = number(root, path);
        if (value < 0 || value > 1) {
            throw outOfRange(root, path, "must be from 0 to 1");
        }
        return value;
    }

    /** The number at {@code path}, which must be present. */
    double requiredNumber(JsonNode root, String... path) throws ReportException {
        double value = number(root, path);
        if (Double.isNaN(value)) {
            throw fail("missing required field '" + String.join(".", path) + "'");
        }
        return value;
    }

    /** The non-empty string at {@code path}, which must be present. */
    String requiredText(JsonNode root, String... path) throws ReportException {
        JsonNode node = at(root, path);
        if (node == null || node.isNull()) {
            throw fail("missing required field '" + String.join(".", path) + "'");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw fail("'" + String.join(".", path) + "' is not a non-empty string: " + node);
        }
        return node.asText();
    }

    /** The non-empty string at {@code path}, or null when it or a parent is absent or {@code null}. */
    String optionalText(JsonNode root, String... path) throws ReportException {
        JsonNode node = at(root, path);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw fail("'" + String.join(".", path) + "' is not a non-empty string: " + node);
        }
        return node.asText();
    }

    /** A scalar shown as text (a seed may be a number or a string), or "–" when absent. */
    String scalarText(JsonNode root, String... path) throws ReportException {
        JsonNode node = at(root, path);
        if (node == null || node.isNull()) {
            return "–";
        }
        if (!node.isValueNode()) {
            throw fail("'" + String.join(".", path) + "' is not a single value: " + node);
        }
        return node.asText();
    }

    private ReportException outOfRange(JsonNode root, String[] path, String range) throws ReportException {
        return fail("'" + String.join(".", path) + "' is out of range: " + at(root, path)
                + " (" + range + ")");
    }

    ReportException fail(String problem) {
        return new ReportException(file, problem);
    }

    private JsonNode at(JsonNode root, String... path) throws ReportException {
        JsonNode node = root;
        for (int i = 0; i < path.length; i++) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                String parent = i == 0 ? "top level" : "'" + String.join(".", Arrays.copyOf(path, i)) + "'";
                throw fail(parent + " is not an object: " + node);
            }
            node = node.get(path[i]);
        }
        return node;
    }
}
