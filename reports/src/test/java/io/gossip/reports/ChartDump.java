package io.gossip.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/** Test helpers that read back what a report produced: dataset values, images and image links. */
final class ChartDump {
    private static final Pattern IMG_SRC = Pattern.compile("<img src=\"([^\"]+)\"");

    private ChartDump() {
    }

    /** Every value of every dataset of {@code chart}, as text that compares exactly. */
    static String values(JFreeChart chart) {
        StringBuilder out = new StringBuilder();
        if (chart.getPlot() instanceof XYPlot plot) {
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                XYDataset dataset = plot.getDataset(d);
                if (dataset == null) {
                    continue;
                }
                for (int s = 0; s < dataset.getSeriesCount(); s++) {
                    out.append("dataset ").append(d).append(" series ").append(dataset.getSeriesKey(s))
                            .append('\n');
                    for (int i = 0; i < dataset.getItemCount(s); i++) {
                        out.append(dataset.getXValue(s, i)).append(' ').append(dataset.getYValue(s, i));
                        if (dataset instanceof IntervalXYDataset interval) {
                            out.append(" [").append(interval.getStartXValue(s, i)).append(',')
                                    .append(interval.getEndXValue(s, i)).append("] [")
                                    .append(interval.getStartYValue(s, i)).append(',')
                                    .append(interval.getEndYValue(s, i)).append(']');
                        }
                        out.append('\n');
                    }
                }
            }
        } else if (chart.getPlot() instanceof CategoryPlot plot) {
            CategoryDataset dataset = plot.getDataset();
            for (int r = 0; r < dataset.getRowCount(); r++) {
                for (int c = 0; c < dataset.getColumnCount(); c++) {
                    out.append(dataset.getRowKey(r)).append(' ').append(dataset.getColumnKey(c))
                            .append(' ').append(dataset.getValue(r, c)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The series keys of the first dataset of an XY chart. */
    static List<String> seriesKeys(JFreeChart chart, int dataset) {
        XYDataset data = ((XYPlot) chart.getPlot()).getDataset(dataset);
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            keys.add(data.getSeriesKey(s).toString());
        }
        return keys;
    }

    /** The {@code src} of every {@code <img>} in the page, in order. */
    static List<String> imageSources(String html) {
        List<String> sources = new ArrayList<>();
        Matcher m = IMG_SRC.matcher(html);
        while (m.find()) {
            sources.add(m.group(1));
        }
        return sources;
    }

    /** Reads a PNG back; fails the test with the path when it cannot be decoded. */
    static BufferedImage image(Path png) throws IOException {
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new AssertionError("no PNG at " + png);
        }
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new AssertionError("not a readable image: " + png);
        }
        return image;
    }
}
