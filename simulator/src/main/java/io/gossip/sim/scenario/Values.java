package io.gossip.sim.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * Converts single YAML nodes to Java values, refusing a wrong type or an out-of-range value with a
 * message that names the key, what was expected and what was found.
 */
final class Values {
    /** Use as {@code min} of a number that must be strictly positive. */
    static final double POSITIVE = Double.MIN_VALUE;

    /**
     * The most characters of a value written back in a message: enough to recognise it, while a
     * 100,000-character value does not bury the message.
     */
    static final int ECHO_CHARACTERS = 40;

    private Values() {
    }

    /** An integer in [{@code min}, {@code max}]; an integral float such as {@code 1e6} is accepted. */
    static long integer(YamlNode node, String key, long min, long max) throws ScenarioException {
        return integer(node, key, min, max, null);
    }

    /**
     * {@link #integer(YamlNode, String, long, long)}, whose refusal of a value above {@code max}
     * also says {@code whyAtMost} (null: nothing), the reason for a bound a user would not guess.
     */
    static long integer(YamlNode node, String key, long min, long max, String whyAtMost) throws ScenarioException {
        Object value = scalarValue(node);
        if (value instanceof BigInteger big) {
            throw outOfRange(node, key, min, max, big.signum() < 0, echo(big.toString()), whyAtMost);
        }
        long result;
        if (value instanceof Long l) {
            result = l;
        } else if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p62) {
            result = d.longValue();
        } else {
            throw wrongType(node, key, describeInteger(min, max));
        }
        if (result < min || result > max) {
            throw outOfRange(node, key, min, max, result < min, Long.toString(result), whyAtMost);
        }
        return result;
    }

    /**
     * "an integer >= 1", "an integer in [0, 16]", "an integer": what an integer key takes. A bound
     * at or beyond the range of an {@code int} is where the value stops fitting in memory, not a
     * limit anyone chooses, so it is left out here and named only when a value crosses it.
     */
    static String describeInteger(long min, long max) {
        boolean lowShown = min > Integer.MIN_VALUE;
        boolean highShown = max < Integer.MAX_VALUE;
        if (lowShown && highShown) {
            return "an integer in [" + min + ", " + max + "]";
        }
        if (lowShown) {
            return "an integer >= " + min;
        }
        return highShown ? "an integer <= " + max : "an integer";
    }

    /**
     * The refusal of an integer below {@code min} or above {@code max}: the range when
     * {@link #describeInteger} shows the crossed bound, else that bound alone, so the message never
     * states a range the value is in; {@code whyAtMost} (or null) follows a refusal above {@code max}.
     */
    private static ScenarioException outOfRange(YamlNode node, String key, long min, long max, boolean belowMin,
            String got, String whyAtMost) {
        boolean boundShown = belowMin ? min > Integer.MIN_VALUE : max < Integer.MAX_VALUE;
        String expected = boundShown ? describeInteger(min, max)
                : belowMin ? "an integer >= " + min : "an integer <= " + max;
        String why = belowMin || whyAtMost == null ? "" : ": " + whyAtMost;
        return new ScenarioException(node.location(), key + ": must be " + expected + ", got " + got + why);
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
            throw new ScenarioException(node.location(), key + ": must be " + expected + ", got " + plain(result));
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
        // Blank text is text, but says nothing: name what is missing rather than "expected a text".
        throw wrongType(node, key, value instanceof String ? "a text that is not blank" : "a text");
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
        throw new ScenarioException(node.location(), key + ": unknown value '" + echo(word) + "'."
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

    /**
     * {@code text} as a message writes it back: whole up to {@link #ECHO_CHARACTERS} characters,
     * else its first ones, an ellipsis and its length ({@code xxx… (100,000 characters)}). Counted
     * in code points, so that no character is cut in two.
     */
    static String echo(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= ECHO_CHARACTERS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, ECHO_CHARACTERS)) + "\u2026 ("
                + String.format(Locale.ROOT, "%,d", length) + " characters)";
    }

    /**
     * A number as a message writes it back: {@code 0.0005} and {@code 1000}, not Java's
     * {@code 5.0E-4} and {@code 1000.0}. Beyond everyday magnitudes (below 10^-6 or from 10^15) it
     * stays in Java's exponent form, which is short where decimals would run to hundreds of digits.
     */
    static String plain(double value) {
        double magnitude = Math.abs(value);
        if (!Double.isFinite(value) || magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e15)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The range of a number: ">= 1", "in [0, 16]", "> 0". */
    static String range(double min, double max) {
        String low = min == POSITIVE ? "> 0" : ">= " + format(min);
        if (max == Double.POSITIVE_INFINITY) {
            return low;
        }
        if (min == POSITIVE) {
            return "in (0, " + format(max) + "]";
        }
        return "in [" + format(min) + ", " + format(max) + "]";
    }

    /** Integral values as integers ({@code 10}, not {@code 10.0} or {@code 1.0E16}), others as Java prints them. */
    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p63 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static Object scalarValue(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar ? scalar.value() : node;
    }
}
