package io.gossip.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns a YAML syntax error into a located problem. SnakeYAML (under Jackson) says where it found
 * the mistake (the problem and its mark) and, for a mistake that belongs to something begun earlier
 * (an open quote, a flow mapping, a key), what it was reading and where that began (the context and
 * its mark). Jackson's own location is the end of the last good token, often a line too early, so
 * it is used only when SnakeYAML gives no mark.
 */
final class YamlSyntaxError {
    private YamlSyntaxError() {
    }

    /**
     * The refusal for {@code error}, raised while reading {@code text}.
     *
     * @param source the file name, or the {@code --set} text for an override value
     * @param hasLines whether {@code text} is a file (located by line and column) rather than an
     *     override value (located by the override, with the column inside the value in the message)
     */
    static ScenarioException of(JsonProcessingException error, String text, String source, boolean hasLines) {
        MarkedYAMLException marked = cause(error, MarkedYAMLException.class);
        if (marked != null && marked.getProblemMark() != null) {
            return located(marked, source, hasLines);
        }
        ReaderException unreadable = cause(error, ReaderException.class);
        if (unreadable != null) {
            return unreadable(unreadable, text, source, hasLines);
        }
        String message = String.join(" ", error.getOriginalMessage().strip().split("\\s*\\n\\s*"));
        JsonLocation where = error.getLocation();
        int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
        int column = where == null ? 0 : Math.max(where.getColumnNr(), 0);
        return refusal(source, hasLines, line, column, message);
    }

    private static ScenarioException located(MarkedYAMLException marked, String source, boolean hasLines) {
        Mark problemAt = marked.getProblemMark();
        StringBuilder message = new StringBuilder(marked.getProblem());
        Mark contextAt = marked.getContextMark();
        // A context without a mark ("while scanning for the next token") adds nothing to the problem.
        if (marked.getContext() != null && contextAt != null) {
            message.append(" (").append(marked.getContext()).append(" that started at ")
                    .append(position(contextAt.getLine() + 1, contextAt.getColumn() + 1, hasLines)).append(')');
        }
        if (hasLines && misaligned(marked.getProblem())) {
            message.append("; check the indentation: the keys of one mapping start in the same column, a"
                    + " nested mapping's further right, and a key needs a space after its colon");
        }
        return refusal(source, hasLines, problemAt.getLine() + 1, problemAt.getColumn() + 1, message.toString());
    }

    /** SnakeYAML's problems that, in a block of keys, nearly always come from a line indented wrongly. */
    private static boolean misaligned(String problem) {
        return problem != null && (problem.startsWith("mapping values are not allowed here")
                || problem.startsWith("expected <block end>"));
    }

    /** A character YAML does not allow (a control character); SnakeYAML counts its position in code points. */
    private static ScenarioException unreadable(ReaderException error, String text, String source, boolean hasLines) {
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int seen = 0; seen < error.getPosition() && offset < text.length(); seen++) {
            int codePoint = text.codePointAt(offset);
            offset += Character.charCount(codePoint);
            if (codePoint == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String message = String.format("the character U+%04X is not allowed in YAML (a control character); "
                + "remove it or write it as an escape inside double quotes", error.getCodePoint());
        return refusal(source, hasLines, line, column, message);
    }

    private static ScenarioException refusal(String source, boolean hasLines, int line, int column, String message) {
        if (hasLines) {
            return new ScenarioException(new Location(source, line, column), "invalid YAML: " + message);
        }
        String where = line > 0 ? " at " + position(line, column, false) + " of the value" : "";
        return new ScenarioException(Location.override(source), "invalid YAML" + where + ": " + message);
    }

    /** "line 3, column 5" in a file; in a one-line override value just "column 5". */
    private static String position(int line, int column, boolean hasLines) {
        return hasLines || line > 1 ? "line " + line + ", column " + column : "column " + column;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
