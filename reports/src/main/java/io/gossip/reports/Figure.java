package io.gossip.reports;

import org.jfree.chart.JFreeChart;

/**
 * One chart of a report and the words that go with it in {@code index.html}.
 *
 * @param fileName the PNG's name inside the report folder, e.g. {@code coverage-over-time.png}
 * @param title the chart's title, used as the image's alternative text
 * @param caption one line saying what the chart shows and how to read it
 */
record Figure(String fileName, String title, String caption, JFreeChart chart) {
}
