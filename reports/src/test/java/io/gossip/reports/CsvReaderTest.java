package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void parsesRowsInFileOrderAndSkipsBlankLines() throws Exception {
        Fixtures.write(dir, "coverage.csv", Fixtures.COVERAGE_HEADER,
                "0,scamp,0,0,0.0,1,0.25", "", "0,global,1,2,12.5,4,1.0");
        List<CoverageRow> rows = CsvReader.read(dir.resolve("coverage.csv"), CoverageRow.COLUMNS,
                CoverageRow::parse);
        assertEquals(List.of(new CoverageRow(0, "scamp", 0, 0, 0.0, 1, 0.25),
                new CoverageRow(0, "global", 1, 2, 12.5, 4, 1.0)), rows);
    }

    @Test
    void acceptsColumnsInAnyOrderAndExtraColumns() throws Exception {
        Fixtures.write(dir, "events.csv", "t_ms,extra,repetition,point,membership,action,detail",
                "5.0,x,1,2,scamp,crash,n7");
        List<EventRow> rows = CsvReader.read(dir.resolve("events.csv"), EventRow.COLUMNS, EventRow::parse);
        assertEquals(List.of(new EventRow(2, "scamp", 1, 5.0, "crash", "n7")), rows);
    }

    @Test
    void emptyOptionalLatencyIsNaN() throws Exception {
        Fixtures.singlePoint(dir);
        List<BroadcastRow> rows = CsvReader.read(dir.resolve("broadcasts.csv"), BroadcastRow.COLUMNS,
                BroadcastRow::parse);
        assertTrue(Double.isNaN(rows.get(1).t99Ms()));
        assertTrue(Double.isNaN(rows.get(1).t100Ms()));
        assertEquals(20.0, rows.get(0).t100Ms());
    }

    @Test
    void missingColumnNamesFileLineAndColumn() {
        Fixtures.write(dir, "coverage.csv", "point,membership,repetition,broadcast,t_ms,reached",
                "0,scamp,0,0,0.0,1");
        ReportException e = assertThrows(ReportException.class, () -> CsvReader.read(
                dir.resolve("coverage.csv"), CoverageRow.COLUMNS, CoverageRow::parse));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("coverage.csv:1"), e.getMessage());
        assertTrue(e.getMessage().contains("'coverage'"), e.getMessage());
    }

    @Test
    void badNumberNamesFileLineColumnAndValue() {
        Fixtures.write(dir, "coverage.csv", Fixtures.COVERAGE_HEADER,
                "0,scamp,0,0,0.0,1,0.25", "0,scamp,0,0,10.0,2,0.5x");
        ReportException e = assertThrows(ReportException.class, () -> CsvReader.read(
                dir.resolve("coverage.csv"), CoverageRow.COLUMNS, CoverageRow::parse));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("coverage.csv:3"), e.getMessage());
        assertTrue(e.getMessage().contains("'coverage'") && e.getMessage().contains("0.5x"),
                e.getMessage());
    }

    @Test
    void rejectsNumbersJavaWouldAcceptButTheFormatDoesNot() {
        for (String bad : List.of("NaN", "Infinity", "1d", "0x10", "1,5")) {
            Fixtures.write(dir, "coverage.csv", Fixtures.COVERAGE_HEADER,
                    "0,scamp,0,0," + bad + ",1,0.25");
            assertThrows(ReportException.class, () -> CsvReader.read(dir.resolve("coverage.csv"),
                    CoverageRow.COLUMNS, CoverageRow::parse), bad);
        }
    }

    @Test
    void wrongFieldCountNamesLine() {
        Fixtures.write(dir, "coverage.csv", Fixtures.COVERAGE_HEADER, "0,scamp,0,0,0.0,1");
        ReportException e = assertThrows(ReportException.class, () -> CsvReader.read(
                dir.resolve("coverage.csv"), CoverageRow.COLUMNS, CoverageRow::parse));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("expected 7 fields"), e.getMessage());
    }

    @Test
    void unknownMembershipAndBadBooleanAreRejected() {
        Fixtures.write(dir, "coverage.csv", Fixtures.COVERAGE_HEADER, "0,cyclon,0,0,0.0,1,0.25");
        ReportException membership = assertThrows(ReportException.class, () -> CsvReader.read(
                dir.resolve("coverage.csv"), CoverageRow.COLUMNS, CoverageRow::parse));
        assertTrue(membership.getMessage().contains("cyclon"), membership.getMessage());

        Fixtures.write(dir, "nodes.csv", Fixtures.NODES_HEADER, "0,scamp,0,n0,yes,2,3,3,5");
        ReportException alive = assertThrows(ReportException.class, () -> CsvReader.read(
                dir.resolve("nodes.csv"), NodeRow.COLUMNS, NodeRow::parse));
        assertTrue(alive.getMessage().contains("nodes.csv:2") && alive.getMessage().contains("'alive'"),
                alive.getMessage());
    }

    @Test
    void emptyRequiredFieldIsRejected() {
        Fixtures.write(dir, "nodes.csv", Fixtures.NODES_HEADER, "0,scamp,,n0,true,2,3,3,5");
        ReportException e = assertThrows(ReportException.class, () -> CsvReader.read(
                dir.resolve("nodes.csv"), NodeRow.COLUMNS, NodeRow::parse));
        assertTrue(e.getMessage().contains("'repetition' is empty"), e.getMessage());
    }

    @Test
    void missingFileAndEmptyFileAreReported() {
        ReportException missing = assertThrows(ReportException.class, () -> CsvReader.read(
                dir.resolve("nodes.csv"), NodeRow.COLUMNS, NodeRow::parse));
        assertTrue(missing.getMessage().contains("nodes.csv") && missing.getMessage().contains("missing"));

        Fixtures.write(dir, "nodes.csv", "");
        ReportException empty = assertThrows(ReportException.class, () -> CsvReader.read(
                dir.resolve("nodes.csv"), NodeRow.COLUMNS, NodeRow::parse));
        assertTrue(empty.getMessage().contains("header"), empty.getMessage());
    }
}
