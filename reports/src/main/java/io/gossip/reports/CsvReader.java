package io.gossip.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV result file: one header row, comma separators, no quoting (see
 * docs/results-format.md).
 *
 * <p>The reader is deliberately small because the format is. It checks that the columns a caller
 * needs exist and that every row has as many fields as the header, and every error names the file
 * and the line, so a broken simulator output is found at once rather than as an odd chart. Rows
 * are handed to a parser one at a time so a large {@code coverage.csv} is never held as text.
 */
final class CsvReader {
    private CsvReader() {
    }

    /** Turns one data row into a value, or explains what is wrong with it. */
    @FunctionalInterface
    interface RowParser<T> {
        T parse(CsvRow row) throws ReportException;
    }

    /**
     * Reads {@code file}, requiring each of {@code requiredColumns} in its header, and parses every
     * non-blank data row in file order.
     *
     * @throws ReportException when the file is missing or has no header, a required column is
     *     absent, a row has the wrong number of fields, or the parser rejects a row
     */
    static <T> List<T> read(Path file, List<String> requiredColumns, RowParser<T> parser)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ReportException(file, "file is missing");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new ReportException(file, 1, "missing header row");
            }
            Map<String, Integer> columns = parseHeader(file, stripBom(header));
            for (String column : requiredColumns) {
                if (!columns.containsKey(column)) {
                    throw new ReportException(file, 1, "missing required column '" + column
                            + "' (header is: " + header.strip() + ")");
                }
            }
            List<T> values = new ArrayList<>();
            String text;
            int line = 1;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] fields = text.split(",", -1);
                if (fields.length != columns.size()) {
                    throw new ReportException(file, line, "expected " + columns.size()
                            + " fields as in the header but found " + fields.length);
                }
                values.add(parser.parse(new CsvRow(file, columns, line, fields)));
            }
            return values;
        }
    }

    private static Map<String, Integer> parseHeader(Path file, String header) throws ReportException {
        Map<String, Integer> columns = new HashMap<>();
        String[] names = header.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            if (name.isEmpty()) {
                throw new ReportException(file, 1, "empty column name at position " + (i + 1));
            }
            if (columns.put(name, i) != null) {
                throw new ReportException(file, 1, "duplicate column '" + name + "'");
            }
        }
        return Map.copyOf(columns);
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }
}
