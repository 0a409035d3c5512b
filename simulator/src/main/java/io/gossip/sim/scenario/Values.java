package io.gossip.sim.scenario;

import java.math.BigInteger;
import java.util.Map;

/**
 * Converts single YAML nodes to Java values, refusing a wrong type or an out-of-range value with a
 * message that names the key, what was expected and what was found.
 */
final class Values {
    /** Use as {@code min} of a number that must be strictly positive. */
    static final double POSITIVE = Double.MIN_VALUE;

    private Values() {
    }

    /** An integer in [{@code min}, {@code max}]; an integral float such as {@code 1e6} is accepted. */
    static long integer(YamlNode node, String key, long min, long max) throws ScenarioException {
        String expected = "an integer " + range(min, max);
        Object value = scalarValue(node);
        long result;
        if (value instanceof Long l) {
            result = l;
        } else if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p62) {
            result = d.longValue();
        } else if (value instanceof BigInteger) {
            throw new ScenarioException(node.location(), key + ": must be " + expected + ", got "
                    + value);
        } else {
            throw wrongType(node, key, expected);
        }
        if (result < min || result > max) {
            throw new ScenarioException(node.location(), key + ": must be " + expected + ", got " + result);
        }
        return result;
    }

    /** A finite number in [{@code min}, {@code max}] ({@code min = POSITIVE} means {@code > 0}). */
    static double number(YamlNode node, String key, double min, double max) throws ScenarioException {
        String expected = "a number " + range(min, max);
        Object value = scalarValue(node);
        if (!(value instanceof Number n) || value instanceof BigInteger) {
            throw wrongType(node, key, expected);
        }
        double result = n.doubleValue();
        if (!Double.isFinite(result) || result < min || result > max) {
            throw new ScenarioException(node.location(), key + ": must be " + expected + ", got "
                    + ((YamlNode.Scalar) node).text());
        }
        return result;
    }

    /** {@code true} or {@code false}. */
    static boolean bool(YamlNode node, String key) throws ScenarioException {
        if (scalarValue(node) instanceof Boolean b) {
            return b;
        }
        throw wrongType(node, key, "true or false");
    }

    /** A non-empty text. */
    static String text(YamlNode node, String key) throws ScenarioException {
        Object value = scalarValue(node);
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw wrongType(node, key, "a text");
    }

    /**
     * One of a fixed set of words (case-insensitive), e.g. an enum; a misspelling gets a suggestion
     * and the list of valid words.
     */
    static <T> T choice(YamlNode node, String key, Map<String, T> options) throws ScenarioException {
        String valid = String.join(", ", options.keySet());
        Object value = scalarValue(node);
        if (!(value instanceof String word)) {
            throw wrongType(node, key, "one of: " + valid);
        }
        for (Map.Entry<String, T> option : options.entrySet()) {
            if (option.getKey().equalsIgnoreCase(word)) {
                return option.getValue();
            }
        }
        throw new ScenarioException(node.location(), key + ": unknown value '" + word + "'."
                + Suggestions.didYouMean(word, options.keySet()) + " Valid values: " + valid);
    }

    /** Whether {@code scalar} is the text {@code word}, ignoring case. */
    static boolean isWord(YamlNode.Scalar scalar, String word) {
        return scalar.value() instanceof String text && text.equalsIgnoreCase(word);
    }

    /** The error for a node of the wrong kind. */
    static ScenarioException wrongType(YamlNode node, String key, String expected) {
        return new ScenarioException(node.location(), key + ": expected " + expected + ", got "
                + node.describe());
    }

    /** ">= 1", "in [0, 16]", "> 0". */
    static String range(double min, double max) {
        String low = min == POSITIVE ? "> 0" : ">= " + format(min);
        if (max == Double.POSITIVE_INFINITY || max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return low;
        }
        if (min == POSITIVE) {
            return "in (0, " + format(max) + "]";
        }
        return "in [" + format(min) + ", " + format(max) + "]";
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static Object scalarValue(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar ? scalar.value() : node;
    }
}
