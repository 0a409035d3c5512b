package io.gossip.reports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A result file could not be turned into a report: it is missing, lacks a required column or
 * field, or holds a value that does not parse.
 *
 * <p>The message always names the file, and the line when the problem is on one line, so the
 * person reading it can open the file at the right place. It is an {@link IOException} because
 * callers of {@link RunReport#build} already handle those.
 */
public final class ReportException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Path file;
    private final int line;

    /**
     * A problem on one line of a file.
     *
     * @param file the result file
     * @param line 1-based line number, or 0 when the problem concerns the whole file
     * @param problem what is missing or malformed
     */
    public ReportException(Path file, int line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
    }

    /** A problem with a whole file (missing, empty, unreadable JSON). */
    public ReportException(Path file, String problem) {
        this(file, 0, problem);
    }

    /** The result file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    private static String format(Path file, int line, String problem) {
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }
}
