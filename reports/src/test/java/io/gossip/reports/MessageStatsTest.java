package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageStatsTest {
    @TempDir
    Path dir;

    @Test
    void messagesSentAreBinnedPerMembershipOnSharedBins() throws Exception {
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        BinnedHistogram h = MessageStats.messagesSent(run.nodes());
        // Values: scamp 3,4,5,4,3,3,4,1 and global 6,6,6,6; range 1..6 fits in unit bins.
        assertEquals(1.0, h.start());
        assertEquals(1.0, h.width());
        assertEquals(List.of("scamp", "global"), h.series().stream().map(BinnedHistogram.Series::name).toList());
        assertArrayEquals(new int[] {1, 0, 3, 3, 1, 0}, h.series().get(0).counts());
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 4}, h.series().get(1).counts());
    }

    @Test
    void aChosenPointOnlyCountsThatPointsNodes() throws Exception {
        Fixtures.singlePoint(dir);
        Fixtures.write(dir, "nodes.csv", Fixtures.NODES_HEADER,
                "0,scamp,0,n0,true,2,3,7,5", "0,scamp,0,n1,true,3,2,7,5",
                "1,scamp,0,n0,true,2,3,2,5", "1,scamp,0,n1,false,3,2,1,5");
        List<NodeRow> nodes = RunData.load(dir).nodes();
        assertArrayEquals(new int[] {2}, MessageStats.messagesSent(nodes, 0).series().get(0).counts());
        assertEquals(7.0, MessageStats.messagesSent(nodes, 0).start());
        // Without a point: the last one, crashed node included.
        assertArrayEquals(new int[] {1, 1}, MessageStats.messagesSent(nodes).series().get(0).counts());
        // The report uses the histograms' point: point 0 has more live nodes.
        Figure figure = RunFigures.messagesPerNode(RunData.load(dir)).orElseThrow();
        assertEquals(ChartDump.values(DistributionCharts.messagesHistogram("t", "s",
                MessageStats.messagesSent(nodes, 0), 2)), ChartDump.values(figure.chart()));
        // One point without a sweep, SCAMP only: no point or colour key to name, but two repetitions.
        assertTrue(figure.caption().contains("each node sent in one repetition (mean of 2 repetitions, every "
                + "node that joined, crashed and departed ones included), for SCAMP; each bar is the mean over the "
                + "2 repetitions of the nodes that sent that many, so the bars add up to the nodes of one repetition;"),
                figure.caption());
        assertEquals("nodes (mean of 2 repetitions)",
                ((XYPlot) figure.chart().getPlot()).getRangeAxis().getLabel());
    }

    @Test
    void slotsNoNodeJoinedAreNoNodesOfTheHistogram() throws Exception {
        // nodes.csv leaves the figures of a slot no node joined empty; a crashed node that sent
        // nothing is still a node (0 messages).
        Fixtures.singlePoint(dir);
        Fixtures.write(dir, "nodes.csv", Fixtures.NODES_HEADER,
                "0,scamp,0,n0,true,2,3,7,5", "0,scamp,0,n1,false,0,0,0,0", "0,scamp,0,n2,false,,,,",
                "0,scamp,0,n3,false,,,,");
        List<NodeRow> nodes = RunData.load(dir).nodes();
        assertEquals(List.of(true, true, false, false), nodes.stream().map(NodeRow::joined).toList());
        BinnedHistogram h = MessageStats.messagesSent(nodes, 0);
        assertEquals(2, java.util.Arrays.stream(h.series().get(0).counts()).sum(), "two nodes, not four slots");
        Figure figure = RunFigures.messagesPerNode(RunData.load(dir)).orElseThrow();
        assertTrue(figure.caption().contains("every node that joined, crashed and departed ones included; slots "
                + "in which no node ever joined are left out)"), figure.caption());
        // Only a slot that is not alive, with all three figures empty, is one no node joined.
        Fixtures.write(dir, "nodes.csv", Fixtures.NODES_HEADER, "0,scamp,0,n0,true,,,,");
        ReportException partial = org.junit.jupiter.api.Assertions.assertThrows(ReportException.class,
                () -> RunData.load(dir));
        assertTrue(partial.getMessage().contains("nodes.csv:2") && partial.getMessage().contains("'partial_view'"),
                partial.getMessage());
    }

    @Test
    void severalRepetitionsAreAveragedSoTheBarsAddUpToOneRepetitionsNodes() throws Exception {
        // singlePoint: SCAMP has two repetitions of 4 nodes, the baseline one of 4.
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        XYIntervalSeriesCollection bars = MessageStats.messagesSent(run.nodes(), 0).dataset();
        for (int s = 0; s < bars.getSeriesCount(); s++) {
            double total = 0;
            for (int i = 0; i < bars.getItemCount(s); i++) {
                total += bars.getYValue(s, i);
            }
            assertEquals(4.0, total, 1e-12, "series " + bars.getSeriesKey(s));
        }
        // SCAMP's three nodes that sent 3 messages (two in repetition 1, one in 0): 1.5 a repetition.
        assertEquals(1.5, bars.getYValue(0, 2), 1e-12);
    }

    @Test
    void messagesOfOneRepetitionAreCountedInNodes() {
        BinnedHistogram histogram = BinnedHistogram.of(Map.of("scamp", new long[] {1, 2}), 10);
        assertEquals("nodes", ((XYPlot) DistributionCharts.messagesHistogram("t", "s", histogram, 1)
                .getPlot()).getRangeAxis().getLabel());
    }

    @Test
    void wideRangesUseWholeNumberBinsCoveringEveryValue() {
        Map<String, long[]> values = new LinkedHashMap<>();
        values.put("scamp", new long[] {0, 99, 100, 399});
        BinnedHistogram h = BinnedHistogram.of(values, 40);
        assertEquals(0.0, h.start());
        assertEquals(10.0, h.width());
        int[] counts = h.series().get(0).counts();
        assertEquals(40, counts.length);
        assertEquals(1, counts[0]);
        assertEquals(1, counts[9]);
        assertEquals(1, counts[10]);
        assertEquals(1, counts[39]);
        XYIntervalSeriesCollection dataset = h.dataset();
        assertEquals(100.0, dataset.getStartXValue(0, 10));
        assertEquals(110.0, dataset.getEndXValue(0, 10));
        assertEquals(1.0, dataset.getYValue(0, 10));
    }

    @Test
    void duplicateRatioHasABarPerMembershipWithinEachPoint() throws Exception {
        RunData run = RunData.load(Fixtures.sweepOverC(dir));
        DefaultCategoryDataset dataset = MessageStats.duplicateRatio(run.points());
        assertEquals(List.of("scamp", "global"), dataset.getRowKeys());
        assertEquals(List.of("0", "1", "2"), dataset.getColumnKeys());
        assertEquals(0.6, dataset.getValue("scamp", "1").doubleValue(), 1e-12);
        assertEquals(0.4, dataset.getValue("global", "0").doubleValue(), 1e-12);
    }

    @Test
    void duplicateRatioStandsInTheOrderOfTheSweptValuesNotOfTheSweepList() throws Exception {
        Fixtures.crashSweep(dir);
        // The sweep listed [0.2, 0.05, 0.1, 0.15]: point i ran the i-th value, and its ratio is 0.i.
        String row = "timeline.1.fraction,%s,%s,4,100,1,1.0,1.0,1.0,0.0,10.0,9.21,10.0,20,%s,50.0,60.0";
        String[] values = {"0.2", "0.05", "0.1", "0.15"};
        List<String> lines = new ArrayList<>(List.of(Fixtures.POINTS_HEADER));
        for (int i = 0; i < values.length; i++) {
            for (String membership : List.of("global", "scamp")) {
                lines.add(i + "," + row.formatted(values[i], membership, "0." + i));
            }
        }
        Fixtures.write(dir, "points.csv", lines.toArray(String[]::new));
        DefaultCategoryDataset dataset = MessageStats.duplicateRatio(RunData.load(dir).points());
        assertEquals(List.of("0.05", "0.1", "0.15", "0.2"), dataset.getColumnKeys());
        assertEquals(List.of("scamp", "global"), dataset.getRowKeys());
        assertEquals(0.1, dataset.getValue("scamp", "0.05").doubleValue(), 1e-12);
        assertEquals(0.0, dataset.getValue("global", "0.2").doubleValue(), 1e-12);
    }

    @Test
    void aSweepOverWordsKeepsTheOrderItRanIn() throws Exception {
        Fixtures.categoricalSweep(dir);
        assertEquals(List.of("uniform", "single"),
                MessageStats.duplicateRatio(RunData.load(dir).points()).getColumnKeys());
    }

    @Test
    void singlePointIsNamedByNumber() throws Exception {
        RunData run = RunData.load(Fixtures.singlePoint(dir));
        DefaultCategoryDataset dataset = MessageStats.duplicateRatio(run.points());
        assertEquals(List.of("point 0"), dataset.getColumnKeys());
        assertEquals(0.3, dataset.getValue("scamp", "point 0").doubleValue(), 1e-12);
    }
}
