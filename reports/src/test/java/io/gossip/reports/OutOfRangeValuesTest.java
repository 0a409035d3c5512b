package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that parse but cannot be right (a coverage of 7.5, a negative count, a reliability above
 * 1, a negative latency) are refused with the file, the line, the column and the value, like a
 * value that does not parse, instead of being drawn.
 */
class OutOfRangeValuesTest {
    @TempDir
    Path dir;

    /** file, header, a good row, a bad row (line 3), the column at fault, its text, the range said. */
    static Stream<Arguments> badRows() {
        String b = Fixtures.BROADCASTS_HEADER;
        String good = "0,scamp,0,0,n1,100.0,4,4,1.0,true,10.0,20.0,20.0,3,12,4";
        String c = Fixtures.COVERAGE_HEADER;
        String p = Fixtures.POINTS_HEADER;
        String goodPoint = "0,,,scamp,2,4,1,0.833,0.5,0.667,0.471,2.43,2.77,2.43,3.43,0.3,15.0,15.0";
        return Stream.of(
                Arguments.of("coverage.csv", c, "0,scamp,0,0,0.0,1,0.25", "0,scamp,0,0,10.0,3,7.5",
                        "coverage", "7.5", "from 0 to 1"),
                Arguments.of("coverage.csv", c, "0,scamp,0,0,0.0,1,0.25", "0,scamp,0,0,10.0,3,-0.25",
                        "coverage", "-0.25", "from 0 to 1"),
                Arguments.of("coverage.csv", c, "0,scamp,0,0,0.0,1,0.25", "0,scamp,0,0,-10.0,3,0.75",
                        "t_ms", "-10.0", "0 or more"),
                Arguments.of("broadcasts.csv", b, good, "0,scamp,0,1,n2,200.0,4,2,7.5,false,10.0,,,2,6,1",
                        "coverage", "7.5", "from 0 to 1"),
                Arguments.of("broadcasts.csv", b, good, "0,scamp,0,1,n2,200.0,4,-3,0.5,false,10.0,,,2,6,1",
                        "reached", "-3", "0 or more"),
                Arguments.of("broadcasts.csv", b, good, "0,scamp,0,1,n2,200.0,4,5,1.0,true,10.0,20.0,20.0,2,6,1",
                        "reached", "5", "at most live_nodes, 4"),
                Arguments.of("broadcasts.csv", b, good, "0,scamp,0,1,n2,200.0,4,4,1.0,true,10.0,-20.0,20.0,2,6,1",
                        "t99_ms", "-20.0", "0 or more"),
                Arguments.of("broadcasts.csv", b, good, "0,scamp,0,1,n2,-200.0,4,4,1.0,true,10.0,20.0,20.0,2,6,1",
                        "sent_ms", "-200.0", "0 or more"),
                Arguments.of("broadcasts.csv", b, good, "0,scamp,0,1,n2,200.0,4,4,1.0,true,10.0,20.0,20.0,2,6,-1",
                        "duplicates", "-1", "0 or more"),
                Arguments.of("nodes.csv", Fixtures.NODES_HEADER, "0,scamp,0,n0,true,2,3,3,5",
                        "0,scamp,0,n1,true,-2,2,4,5", "partial_view", "-2", "0 or more"),
                Arguments.of("points.csv", p, goodPoint,
                        "0,,,global,1,4,1,1.0,1.0,1.2,0.0,3.0,2.77,3.0,6.0,0.2,10.0,10.0",
                        "reliability", "1.2", "from 0 to 1"),
                Arguments.of("points.csv", p, goodPoint,
                        "0,,,global,1,4,1,1.0,1.0,1.0,0.0,3.0,2.77,3.0,6.0,1.5,10.0,10.0",
                        "duplicate_ratio", "1.5", "from 0 to 1"),
                Arguments.of("points.csv", p, goodPoint,
                        "0,,,global,1,-4,1,1.0,1.0,1.0,0.0,3.0,2.77,3.0,6.0,0.2,10.0,10.0",
                        "nodes", "-4", "0 or more"),
                Arguments.of("timeline.csv", Fixtures.TIMELINE_HEADER, "0,scamp,0,0.0,4,2.0,1,3,2.0,2.77",
                        "0,scamp,0,100.0,3,-2.5,2,3,2.4,2.19", "pv_mean", "-2.5", "0 or more"),
                Arguments.of("events.csv", Fixtures.EVENTS_HEADER, "0,scamp,0,50.0,crash,n3",
                        "0,scamp,0,-150.0,join,n3", "t_ms", "-150.0", "0 or more"));
    }

    @ParameterizedTest(name = "{0}: {4} = {5}")
    @MethodSource("badRows")
    void refusesAValueOutOfItsRangeNamingFileLineAndColumn(String file, String header, String goodRow,
            String badRow, String column, String value, String range) {
        Fixtures.withTimeline(dir);
        Fixtures.write(dir, file, header, goodRow, badRow);

        ReportException e = assertThrows(ReportException.class, () -> RunData.load(dir));

        assertEquals(dir.resolve(file), e.file());
        assertEquals(3, e.line());
        assertEquals(dir.resolve(file) + ":3: column '" + column + "' is out of range: '" + value
                + "' (must be " + range + ")", e.getMessage());
    }

    @Test
    void refusesAnOutOfRangeFigureInTheSummaryNamingTheField() {
        String summary = Fixtures.summary("s", 4, 1);
        for (String[] bad : new String[][] {
                {"\"reliability\": 0.5", "\"reliability\": 1.5",
                        "'reliability' is out of range: 1.5 (must be from 0 to 1)"},
                {"\"mean\": 0.9, \"min\": 0.5", "\"mean\": 7.5, \"min\": 0.5", "'coverage.mean' is out of range: 7.5"},
                {"\"t99\": 20.0", "\"t99\": -20.0", "'latencyMillis.t99' is out of range: -20.0 (must be 0 or more)"},
                {"\"duplicateRatio\": 0.25", "\"duplicateRatio\": 2", "'duplicateRatio' is out of range: 2"},
                {"\"c\": 1.0,", "\"c\": -1,", "'c' is out of range: -1 (must be 0 or more)"}}) {
            Fixtures.singlePoint(dir);
            assertTrue(summary.contains(bad[0]), "test setup: " + bad[0]);
            Fixtures.write(dir, "summary.json", summary.replace(bad[0], bad[1]));

            ReportException e = assertThrows(ReportException.class, () -> RunData.load(dir), bad[1]);

            assertTrue(e.getMessage().startsWith(dir.resolve("summary.json") + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(bad[2]), e.getMessage());
        }
    }

    @Test
    void acceptsTheEndsOfEachRange() throws Exception {
        Fixtures.singlePoint(dir);
        Fixtures.write(dir, "coverage.csv", Fixtures.COVERAGE_HEADER,
                "0,scamp,0,0,0.0,0,0", "0,scamp,0,0,10.0,4,1", "0,scamp,0,0,20.0,4,1.0");
        Fixtures.write(dir, "broadcasts.csv", Fixtures.BROADCASTS_HEADER,
                "0,scamp,0,0,n1,0,4,4,1.0,true,0,0,0,0,0,0",
                "0,scamp,0,1,n2,0,1,0,0,false,,,,0,0,0");
        Fixtures.write(dir, "points.csv", Fixtures.POINTS_HEADER,
                "0,,,scamp,1,0,0,0,0,0,0,0,0,0,0,0,0,0",
                "0,,,global,1,4,1,1,1,1,0.5,3.0,2.77,3.0,6.0,1,10.0,10.0");

        RunData run = RunData.load(dir);

        assertEquals(1.0, run.coverage().get(2).coverage());
        assertEquals(0.0, run.broadcasts().get(1).coverage());
        assertEquals(1.0, run.points().get(1).reliability());
    }

    @Test
    void reportOfAnOutOfRangeFileWritesNothing() {
        Fixtures.singlePoint(dir);
        Fixtures.write(dir, "coverage.csv", Fixtures.COVERAGE_HEADER, "0,scamp,0,0,0.0,1,7.5");

        ReportException e = assertThrows(ReportException.class, () -> RunReport.build(dir));

        assertTrue(e.getMessage().contains("coverage.csv:2: column 'coverage'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("index.html")));
        assertFalse(Files.exists(dir.resolve("coverage-over-time.png")));
    }
}
