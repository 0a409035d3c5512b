package io.gossip.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * The files a report wrote: every chart, in the order the page shows them, and the page itself.
 *
 * @param charts the PNG files written
 * @param indexHtml the {@code index.html} that shows them
 */
public record ReportResult(List<Path> charts, Path indexHtml) {
    /** Copies {@code charts} so the result cannot change after it is returned. */
    public ReportResult {
        charts = List.copyOf(charts);
    }
}
