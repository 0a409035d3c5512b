package io.gossip.sim.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.udp.wire.RejectReason;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The short version of {@code sim fuzz}: two seconds of hostile datagrams at a live node. */
class FuzzerTest {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aLiveNodeSurvivesTwoSecondsOfHostileDatagramsAndStillDelivers() throws IOException {
        List<String> progress = new ArrayList<>();
        FuzzReport report = Fuzzer.run(new FuzzOptions(2_000, 42, 20_000, 5,
                FuzzOptions.DEFAULT_MAX_RENEWAL_COPIES), progress::add);
        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text));

        assertEquals(List.of(), report.failures(), text.toString());
        assertTrue(report.sent() >= 5_000, "thousands of datagrams sent: " + report.sent());
        assertEquals(0, report.crashes().total());
        assertTrue(report.fromTarget().complete() && report.toTarget().complete(), text.toString());
        for (RejectReason common : new RejectReason[] {RejectReason.TRUNCATED, RejectReason.BAD_MAGIC,
                RejectReason.BAD_ADDRESS_LENGTH, RejectReason.TRAILING_BYTES}) {
            assertTrue(report.rejected()[common.ordinal()] > 0, common + " seen: " + text);
        }
        assertTrue(report.validSent() > 0, "some mutations stay valid messages");
        assertTrue(text.toString().contains("result                        PASS"), text.toString());
    }
}
