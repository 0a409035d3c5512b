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
 * <p>Charts are drawn with Java2D, which must not look for a display on a build server: the
 * headless property is set (by {@link #ensureHeadless}) before any chart is built, unless the host
 * application already chose.
 */
final class ReportFiles {
    static final String INDEX = "index.html";

    private ReportFiles() {
    }

    /** Called first by every report, before any chart object exists. */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Writes every figure into {@code dir} and returns the paths, in order. */
    static List<Path> writeCharts(Path dir, List<Figure> figures) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Figure figure : figures) {
            Path file = dir.resolve(figure.fileName());
            ChartUtils.saveChartAsPNG(file.toFile(), figure.chart(), ChartTheme.WIDTH,
                    ChartTheme.HEIGHT);
            written.add(file);
        }
        return written;
    }

    /** Writes {@code html} as {@code dir/index.html}. */
    static Path writeIndex(Path dir, String html) throws IOException {
        Path file = dir.resolve(INDEX);
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }
}
