package io.gossip.reports;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One data row of a CSV result file, with typed accessors that report {@code file:line} and the
 * column name when a value does not parse or cannot be right.
 *
 * <p>No number of the format is negative, and coverages, reliabilities and ratios are fractions,
 * so the accessors check that too: a coverage of 7.5 or a count of −3 parses, but drawing it would
 * put a wrong chart in front of the reader instead of pointing at the broken file.
 */
final class CsvRow {
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private static final String AT_LEAST_ZERO = "must be 0 or more";

    /** The two membership names of the format, shared so millions of rows hold no copies. */
    static final String SCAMP = "scamp";
    static final String GLOBAL = "global";

    private final Path file;
    private final Map<String, Integer> columns;
    private final int line;
    private final String[] fields;

    CsvRow(Path file, Map<String, Integer> columns, int line, String[] fields) {
        this.file = file;
        this.columns = columns;
        this.line = line;
        this.fields = fields;
    }

    /** The 1-based line number of this row in its file. */
    int line() {
        return line;
    }

    /** Whether the file's header has {@code column}: one added to the format later may be absent. */
    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The raw, stripped text of a column; empty when the field is empty. */
    String text(String column) throws ReportException {
        Integer index = columns.get(column);
        if (index == null) {
            throw fail("missing required column '" + column + "'");
        }
        return fields[index].strip();
    }

    /** A non-empty text value. */
    String requiredText(String column) throws ReportException {
        String value = text(column);
        if (value.isEmpty()) {
            throw fail("column '" + column + "' is empty");
        }
        return value;
    }

    /**
     * A whole number, 0 or more. Every whole number of the format is a count (nodes, messages,
     * view entries) or an index (point, repetition, broadcast), so a negative one is refused.
     */
    int nonNegativeInt(String column) throws ReportException {
        return (int) wholeNumber(column, Integer.MAX_VALUE);
    }

    /** A whole number, 0 or more, that may be large (message counts). */
    long nonNegativeLong(String column) throws ReportException {
        return wholeNumber(column, Long.MAX_VALUE);
    }

    /** A whole number from 0 to {@code max}; one above {@code max} is refused as not parsing at all. */
    private long wholeNumber(String column, long max) throws ReportException {
        String value = requiredText(column);
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw notWholeNumber(column, value);
        }
        if (parsed > max) {
            throw notWholeNumber(column, value);
        }
        if (parsed < 0) {
            throw outOfRange(column, value, AT_LEAST_ZERO);
        }
        return parsed;
    }

    /** A finite decimal number, 0 or more: a time, a size, or a mean of counts. */
    double nonNegative(String column) throws ReportException {
        return decimal(column, Double.POSITIVE_INFINITY, AT_LEAST_ZERO);
    }

    /** {@link #nonNegative}, or {@link Double#NaN} when the field is empty. */
    double optionalNonNegative(String column) throws ReportException {
        return text(column).isEmpty() ? Double.NaN : nonNegative(column);
    }

    /** A fraction from 0 to 1: a coverage, a reliability, a ratio of a part to its whole. */
    double fraction(String column) throws ReportException {
        return decimal(column, 1, "must be from 0 to 1");
    }

    /** {@link #fraction}, or {@link Double#NaN} when the field is empty. */
    double optionalFraction(String column) throws ReportException {
        return text(column).isEmpty() ? Double.NaN : fraction(column);
    }

    private ReportException notWholeNumber(String column, String value) {
        return fail("column '" + column + "' is not a whole number: '" + value + "'");
    }

    /** A finite decimal number from 0 to {@code max}; {@code range} says so when it is not. */
    private double decimal(String column, double max, String range) throws ReportException {
        String value = requiredText(column);
        double parsed = parseNumber(column, value);
        if (parsed < 0 || parsed > max) {
            throw outOfRange(column, value, range);
        }
        return parsed;
    }

    /** {@code true} or {@code false}, nothing else. */
    boolean bool(String column) throws ReportException {
        String value = requiredText(column);
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw fail("column '" + column + "' is not true/false: '" + value + "'");
    }

    /** One of the two membership names of the format. */
    String membership() throws ReportException {
        String value = requiredText("membership");
        if (value.equals(SCAMP)) {
            return SCAMP;
        }
        if (value.equals(GLOBAL)) {
            return GLOBAL;
        }
        throw fail("column 'membership' is neither scamp nor global: '" + value + "'");
    }

    /** Whether {@code text} is a plain decimal number in the format's syntax, finite. */
    static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches() && Double.isFinite(Double.parseDouble(text));
    }

    /** An error about this row, naming the file and the line. */
    ReportException fail(String problem) {
        return new ReportException(file, line, problem);
    }

    /**
     * An error about a value that parses but cannot be right, naming the column, the value and
     * the allowed range, like a value that does not parse.
     */
    ReportException outOfRange(String column, String value, String range) {
        return fail("column '" + column + "' is out of range: '" + value + "' (" + range + ")");
    }

    private double parseNumber(String column, String value) throws ReportException {
        // Stricter than Double.parseDouble, which also takes "NaN", "1d" or hex floats.
        if (!DECIMAL.matcher(value).matches()) {
            throw fail("column '" + column + "' is not a number: '" + value + "'");
        }
        double parsed = Double.parseDouble(value);
        if (!Double.isFinite(parsed)) {
            throw fail("column '" + column + "' is out of range: '" + value + "'");
        }
        return parsed;
    }
}
