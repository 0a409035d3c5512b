package io.gossip.sim.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.udp.PeerAddress;
import io.gossip.udp.wire.RejectReason;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each check of a fuzz run fails on the figures it guards. */
class FuzzReportTest {
    private static final FuzzOptions OPTIONS = new FuzzOptions(1_000, 1, 0, 5, 16);
    private static final FuzzReport.Crashes NONE = new FuzzReport.Crashes(0, 0, 0, 0, List.of());
    private static final FuzzReport.BroadcastCheck ALL = new FuzzReport.BroadcastCheck(1, 4, 4, 5);

    private static FuzzReport report(long[] rejected, FuzzReport.Crashes crashes, FuzzReport.BroadcastCheck to) {
        long[] predicted = new long[RejectReason.count()];
        predicted[RejectReason.BAD_MAGIC.ordinal()] = 10;
        return new FuzzReport(OPTIONS, PeerAddress.parse("127.0.0.1:9000"), new long[] {10, 0, 0, 0}, 1_000, 0, 0,
                predicted, 10, rejected, crashes, 3, 3, new FuzzReport.AddressTable(1_200, 3_456, 2), ALL, to);
    }

    private static long[] rejectedAs(RejectReason reason, long count) {
        long[] rejected = new long[RejectReason.count()];
        rejected[reason.ordinal()] = count;
        return rejected;
    }

    @Test
    void aRunWithoutCrashesWhereEveryBroadcastArrivesPasses() {
        FuzzReport ok = report(rejectedAs(RejectReason.BAD_MAGIC, 10), NONE, ALL);
        assertEquals(List.of(), ok.failures());
        StringWriter text = new StringWriter();
        ok.print(new PrintWriter(text));
        assertTrue(text.toString().contains("PASS"), text.toString());
        assertTrue(text.toString().contains("target loop's address table           1,200  (addresses held; 3,456"
                + " released by 2 sweeps)"), text.toString());
    }

    @Test
    void anUncaughtExceptionOrACoreErrorFailsTheRun() {
        assertEquals(1, report(rejectedAs(RejectReason.BAD_MAGIC, 10),
                new FuzzReport.Crashes(1, 0, 0, 0, List.of("boom")), ALL).failures().size());
        assertEquals(1, report(rejectedAs(RejectReason.BAD_MAGIC, 10),
                new FuzzReport.Crashes(0, 0, 2, 0, List.of()), ALL).failures().size());
    }

    @Test
    void aBroadcastThatMissesANodeFailsTheRun() {
        List<String> failures = report(rejectedAs(RejectReason.BAD_MAGIC, 10), NONE,
                new FuzzReport.BroadcastCheck(0, 3, 4, 10_000)).failures();
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("3 of 4"), failures.get(0));
    }

    @Test
    void moreRejectionsForAReasonThanSuchDatagramsSentFailsTheRun() {
        List<String> failures = report(rejectedAs(RejectReason.TRUNCATED, 1), NONE, ALL).failures();
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("TRUNCATED"), failures.get(0));
    }
}
