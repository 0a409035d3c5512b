package io.gossip.reports;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One data row of a CSV result file, with typed accessors that report {@code file:line} and the
 * column name when a value does not parse.
 */
final class CsvRow {
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

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

    /** A finite decimal number. */
    double number(String column) throws ReportException {
        return parseNumber(column, requiredText(column));
    }

    /** A finite decimal number, or {@link Double#NaN} when the field is empty. */
    double optionalNumber(String column) throws ReportException {
        String value = text(column);
        return value.isEmpty() ? Double.NaN : parseNumber(column, value);
    }

    /** A whole number. */
    int integer(String column) throws ReportException {
        String value = requiredText(column);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw fail("column '" + column + "' is not a whole number: '" + value + "'");
        }
    }

    /** A whole number that may be large (message counts). */
    long longInteger(String column) throws ReportException {
        String value = requiredText(column);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw fail("column '" + column + "' is not a whole number: '" + value + "'");
        }
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
