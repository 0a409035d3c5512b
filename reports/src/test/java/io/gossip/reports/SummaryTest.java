package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFieldsTheReportShows() throws Exception {
        Fixtures.write(dir, "summary.json", Fixtures.summary("s1", 4, 1));
        Summary s = Summary.read(dir);
        assertEquals("s1", s.scenario());
        assertEquals("7", s.seed());
        assertEquals(4, s.nodes());
        assertEquals(1.0, s.c());
        assertEquals(0.9, s.coverageMean());
        assertEquals(0.5, s.coverageMin());
        assertEquals(20.0, s.latencyT99Ms());
        assertEquals(2.77, s.pvExpected());
        assertEquals(3.5, s.messagesPerNode());
        assertEquals(100.0, s.events());
        assertEquals(1, s.points().size());
    }

    @Test
    void nullLatencyBecomesNaNAndShowsAsDash() throws Exception {
        Fixtures.write(dir, "summary.json", Fixtures.summary("s1", 4, 1));
        Summary s = Summary.read(dir);
        assertTrue(Double.isNaN(s.latencyT100Ms()));
        assertEquals("–", Numbers.millis(s.latencyT100Ms()));
    }

    @Test
    void cOfPointComesFromThePointEntryElseTopLevel() throws Exception {
        Fixtures.write(dir, "summary.json", """
                {"scenario": "s", "nodes": 10, "c": 1,
                 "points": [{"point": 0, "c": 0}, {"point": 1, "c": 3}]}""");
        Summary s = Summary.read(dir);
        assertEquals(3.0, s.cOfPoint(1));
        assertEquals(0.0, s.cOfPoint(0));
        assertEquals(1.0, s.cOfPoint(7));
    }

    @Test
    void readsTheSweptParameterAndEachPointsNodesAndC() throws Exception {
        Fixtures.write(dir, "summary.json", Fixtures.sweepSummary("s", "nodes", new int[] {100, 1000},
                new double[] {1, 2}));
        Summary s = Summary.read(dir);
        assertEquals("nodes", s.sweep());
        assertEquals(100, s.nodes());
        assertEquals(new Summary.PointSummary(1, "global", 2.0, 1000.0, Double.NaN), s.points().get(3));
    }

    @Test
    void nullOrMissingSweepMeansNoSweep() throws Exception {
        Fixtures.write(dir, "summary.json", Fixtures.summary("s1", 4, 1));
        assertNull(Summary.read(dir).sweep());
        Fixtures.write(dir, "summary.json", "{\"scenario\": \"s\", \"nodes\": 10, \"c\": 1}");
        assertNull(Summary.read(dir).sweep());
    }

    @Test
    void sweepThatIsNotAStringIsAnErrorNamingTheField() {
        Fixtures.write(dir, "summary.json", "{\"scenario\": \"s\", \"nodes\": 10, \"c\": 1, \"sweep\": 3}");
        ReportException e = assertThrows(ReportException.class, () -> Summary.read(dir));
        assertTrue(e.getMessage().contains("summary.json") && e.getMessage().contains("'sweep' is not"),
                e.getMessage());
    }

    @Test
    void missingScenarioIsAnErrorNamingFileAndField() {
        Fixtures.write(dir, "summary.json", "{\"nodes\": 10, \"c\": 1}");
        ReportException e = assertThrows(ReportException.class, () -> Summary.read(dir));
        assertTrue(e.getMessage().contains("summary.json") && e.getMessage().contains("'scenario'"),
                e.getMessage());
    }

    @Test
    void numberOfTheWrongTypeIsAnError() {
        Fixtures.write(dir, "summary.json",
                "{\"scenario\": \"s\", \"nodes\": 10, \"c\": 1, \"coverage\": {\"mean\": \"high\"}}");
        ReportException e = assertThrows(ReportException.class, () -> Summary.read(dir));
        assertTrue(e.getMessage().contains("'coverage.mean' is not a number"), e.getMessage());
    }

    @Test
    void invalidJsonReportsTheLine() {
        Fixtures.write(dir, "summary.json", "{\n  \"scenario\": \"s\",\n  \"nodes\": 10,,\n}");
        ReportException e = assertThrows(ReportException.class, () -> Summary.read(dir));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("summary.json:3"), e.getMessage());
    }

    @Test
    void missingFileIsReported() {
        ReportException e = assertThrows(ReportException.class, () -> Summary.read(dir));
        assertTrue(e.getMessage().contains("summary.json") && e.getMessage().contains("missing"));
    }
}
