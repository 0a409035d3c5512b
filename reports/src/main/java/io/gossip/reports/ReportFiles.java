package io.gossip.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;

/**
 * Writes a report's charts as PNG files and its page, off-screen.
 *
 * <p>Which charts a report draws depends on the run (a sweep's charts are named after the swept
 * parameter), so a report written again into a folder would leave the previous report's charts
 * beside the new page. Each report therefore lists the charts it writes in {@link #CHART_LIST} and
 * the next report removes those, and only those, before writing its own: other files in the folder
 * are never touched.
 *
 * <p>Charts are drawn with Java2D, which must not look for a display on a build server: the
 * headless property is set (by {@link #ensureHeadless}) before any chart is built, unless the host
 * application already chose.
 */
final class ReportFiles {
    static final String INDEX = "index.html";
    /** The list of the charts the last report wrote into its folder, one file name a line. */
    static final String CHART_LIST = "report-charts.txt";

    private static final String CHART_LIST_HEADER = "# The charts the last report wrote into this folder; "
            + "the next report into it deletes them before writing its own.\n";

    private ReportFiles() {
    }

    /** Called first by every report, before any chart object exists. */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Removes the charts the previous report listed in {@code dir}, writes every figure into
     * {@code dir} and returns the paths, in order.
     */
    static List<Path> writeCharts(Path dir, List<Figure> figures) throws IOException {
        Files.createDirectories(dir);
        removePreviousCharts(dir);
        // Listed before they are written, so charts of a report that fails half-way are removed next time.
        StringBuilder list = new StringBuilder(CHART_LIST_HEADER);
        figures.forEach(figure -> list.append(figure.fileName()).append('\n'));
        Files.writeString(dir.resolve(CHART_LIST), list, StandardCharsets.UTF_8);
        List<Path> written = new ArrayList<>();
        for (Figure figure : figures) {
            Path file = dir.resolve(figure.fileName());
            ChartUtils.saveChartAsPNG(file.toFile(), figure.chart(), ChartTheme.WIDTH,
                    ChartTheme.HEIGHT);
            written.add(file);
        }
        return written;
    }

    /**
     * Deletes the files named in {@code dir}'s chart list. A name that is not a bare PNG file name
     * inside {@code dir} (a hand-edited list) is skipped, so nothing outside the report's own charts
     * can be deleted.
     */
    private static void removePreviousCharts(Path dir) throws IOException {
        Path list = dir.resolve(CHART_LIST);
        if (!Files.isRegularFile(list)) {
            return;
        }
        // Decoded leniently: a damaged list must not stop the report; its bad names are skipped.
        for (String line : new String(Files.readAllBytes(list), StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            if (isChartFileName(name)) {
                Files.deleteIfExists(dir.resolve(name));
            }
        }
    }

    /**
     * Removes the report a previous build wrote into {@code dir}: its listed charts, the list and
     * {@link #INDEX}. Only where the list shows a report was written there; other files stay.
     *
     * @return whether there was a report to remove
     */
    static boolean removePreviousReport(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(CHART_LIST))) {
            return false;
        }
        removePreviousCharts(dir);
        Files.deleteIfExists(dir.resolve(INDEX));
        Files.delete(dir.resolve(CHART_LIST));
        return true;
    }

    private static boolean isChartFileName(String name) {
        return name.endsWith(".png") && !name.startsWith(".") && !name.contains("/") && !name.contains("\\");
    }

    /** Writes {@code html} as {@code dir/index.html}. */
    static Path writeIndex(Path dir, String html) throws IOException {
        Path file = dir.resolve(INDEX);
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }
}
