package io.gossip.sim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The end-of-run summary of {@code sim run}, read back from the run's {@code summary.json} (so the
 * table shows exactly what the result files say): coverage, reliability, latency, message cost,
 * view sizes against (c+1)·ln n, and one row per point of a sweep.
 */
final class SummaryTable {
    private static final String MISSING = "-";

    private SummaryTable() {
    }

    /** The table for the summary.json at {@code file}. */
    static String render(Path file) throws IOException {
        return render(new ObjectMapper().readTree(file.toFile()));
    }

    /** The table for a parsed summary.json. */
    static String render(JsonNode s) {
        StringBuilder t = new StringBuilder();
        JsonNode points = s.path("points");
        boolean sweep = s.path("sweep").isTextual();
        if (sweep) {
            // The figures below add up every point: the scenario file's nodes and c (summary.json's
            // top level) describe only the first one, so the heading names the sweep instead.
            t.append(String.format(Locale.ROOT, "%s   seed %s   sweep of %s over %d points   membership %s%n",
                    text(s, "scenario"), text(s, "seed"), text(s, "sweep"), distinctPoints(points),
                    text(s, "membership")));
            t.append("  all points together (each point on its own row below)\n");
        } else {
            t.append(String.format(Locale.ROOT, "%s   seed %s   %s nodes   c = %s   membership %s%n",
                    text(s, "scenario"), text(s, "seed"), text(s, "nodes"), text(s, "c"), text(s, "membership")));
        }
        boolean noBroadcast = broadcastRows(t, s);
        JsonNode messages = s.path("messages");
        row(t, "messages per node", num(messages.path("perNode"), 1) + "   (total " + num(messages.path("total"), 0)
                + ")");
        if (noBroadcast) {
            // summary.json then holds 0 (no gossip copy, so no duplicate), but there is no ratio: the
            // report's table has no figure there either.
            row(t, "duplicate ratio", MISSING + "   (no broadcast was sent)");
        } else {
            row(t, "duplicate ratio", num(s.path("duplicateRatio"), 3));
        }
        if (s.path("redelivered").asLong() > 0) {
            // Zero unless a duplicate memory forgot messages whose copies still travelled: worth a row then.
            row(t, "redelivered", num(s.path("redelivered"), 0) + "   (copies taken for new by nodes whose"
                    + " duplicate memory had forgotten them, and forwarded again)");
        }
        if (s.path("lateMembershipCopies").asLong() > 0) {
            row(t, "late membership", num(s.path("lateMembershipCopies"), 0) + "   (copies that travelled longer"
                    + " than receivers remember handling one: each may have been handled twice)");
        }
        JsonNode pv = s.path("partialView");
        if ("global".equals(s.path("membership").asText())) {
            // Global knowledge has no views: each node's "PartialView" is its fanout, the same for all,
            // and neither an InView nor (c+1)·ln n means anything there.
            row(t, "fanout", num(pv.path("mean"), 2) + "   (global knowledge: each node forwards to that many"
                    + " members drawn at random)");
        } else {
            // Over a sweep, the mean weighs every node of every point while (c+1)·ln n differs from point
            // to point: the comparison is only meaningful per point, in the rows below.
            row(t, "PartialView", stats(pv) + (sweep ? "   expected (c+1)·ln n: per point below"
                    : "   expected (c+1)·ln n = " + num(pv.path("expected"), 1)
                            + deviation(pv.path("mean"), pv.path("expected"))));
            row(t, "InView", stats(s.path("inView")));
        }
        row(t, "events", num(s.path("events"), 0) + " in " + num(s.path("wallSeconds"), 1) + " s wall ("
                + num(s.path("eventsPerSecond"), 0) + " events/s)");
        if (points.isArray() && (points.size() > 1 || sweep)) {
            t.append(points(points));
        }
        return t.toString();
    }

    /**
     * The rows of the figures over broadcasts (coverage, reliability, latency, and the broadcasts left
     * out of them, if any); whether no broadcast was sent.
     */
    private static boolean broadcastRows(StringBuilder t, JsonNode s) {
        row(t, "coverage", "mean " + num(s.path("coverage").path("mean"), 4) + "   min "
                + num(s.path("coverage").path("min"), 4));
        long unmeasured = s.path("unmeasuredBroadcasts").asLong(0);
        row(t, "reliability", num(s.path("reliability"), 3) + "   (share of "
                + (unmeasured > 0 ? "the measured " : "") + "broadcasts that reached every live node)");
        // summary.json's reliability is null when no broadcast was sent, or none was measured: its count
        // tells the two apart (a summary without the count had no unmeasured broadcast).
        JsonNode broadcasts = s.path("broadcasts");
        boolean noBroadcast = broadcasts.isNumber() ? broadcasts.asLong() == 0 : s.path("reliability").isNull();
        latency(t, s, noBroadcast);
        if (unmeasured > 0) {
            row(t, "unmeasured", String.format(Locale.ROOT, "%,d %s of %s sent", unmeasured,
                    unmeasured == 1 ? "broadcast" : "broadcasts", num(broadcasts, 0))
                    + "   (every node live when it was sent was gone by the end: in none of the figures above)");
        }
        return noBroadcast;
    }

    /** The latency row: the mean delays, or why there are none. */
    private static void latency(StringBuilder t, JsonNode s, boolean noBroadcast) {
        JsonNode latency = s.path("latencyMillis");
        if (noBroadcast) {
            row(t, "latency", MISSING + "   (no broadcast was sent: the timeline has none, or skipped each one;"
                    + " events.csv says which)");
        } else if (s.path("reliability").isNull()) {
            row(t, "latency", MISSING + "   (no broadcast was measured)");
        } else if (latency.path("t99").isNumber()) {
            // t50 and t99 are means over the broadcasts that reached 99 %, t100 over the complete ones:
            // where none was complete (a million nodes and 10 % loss) the row says why t100 is missing.
            row(t, "latency", "50% " + ms(latency.path("t50")) + "   99% " + ms(latency.path("t99"))
                    + "   100% " + ms(latency.path("t100"))
                    + (latency.path("t100").isNumber() ? "" : "   (no broadcast reached every live node)"));
        } else {
            // A bare "-" would read as if nothing had been measured.
            row(t, "latency", MISSING + "   (no broadcast reached 99 % of its live nodes; each broadcast's"
                    + " t50 is in broadcasts.csv)");
        }
    }

    private static String points(JsonNode points) {
        // The value column is as wide as the widest value: a sweep over whole mappings (a latency
        // model, say) has values far longer than a number, and a fixed width shifted every column after.
        int valueWidth = 12;
        for (JsonNode p : points) {
            valueWidth = Math.max(valueWidth, text(p, "value").length());
        }
        String row = "%-6s %-" + valueWidth + "s %-11s %9s %9s %11s %9s %10s %9s%n";
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%n" + row, "point", "value", "membership",
                "coverage", "reliab.", "PV mean", "PV exp.", "msgs/node", "t99 ms"));
        for (JsonNode p : points) {
            t.append(String.format(Locale.ROOT, row,
                    text(p, "point"), text(p, "value"), text(p, "membership"), num(p.path("coverage").path("mean"), 4),
                    num(p.path("reliability"), 3), num(p.path("partialView").path("mean"), 2),
                    num(p.path("partialView").path("expected"), 2), num(p.path("messages").path("perNode"), 1),
                    num(p.path("latencyMillis").path("t99"), 1)));
        }
        return t.toString();
    }

    /** Points of a sweep (the array has one entry per point and membership). */
    private static long distinctPoints(JsonNode points) {
        Set<String> seen = new HashSet<>();
        points.forEach(p -> seen.add(p.path("point").asText()));
        return seen.size();
    }

    private static void row(StringBuilder t, String label, String value) {
        t.append(String.format(Locale.ROOT, "  %-19s %s%n", label, value));
    }

    private static String stats(JsonNode v) {
        return "mean " + num(v.path("mean"), 2) + "   min " + num(v.path("min"), 0) + "   max "
                + num(v.path("max"), 0) + "   stddev " + num(v.path("stddev"), 2);
    }

    private static String deviation(JsonNode mean, JsonNode expected) {
        if (!mean.isNumber() || !expected.isNumber() || expected.asDouble() == 0) {
            return "";
        }
        double percent = 100 * (mean.asDouble() / expected.asDouble() - 1);
        return String.format(Locale.ROOT, "   (%+.1f%%)", percent);
    }

    private static String ms(JsonNode value) {
        return value.isNumber() ? num(value, 1) + " ms" : MISSING;
    }

    private static String num(JsonNode value, int digits) {
        if (!value.isNumber()) {
            return MISSING;
        }
        if (digits == 0) {
            return String.format(Locale.ROOT, "%,d", Math.round(value.asDouble()));
        }
        return Format.decimal(value.asDouble(), digits);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isMissingNode() || value.isNull() ? MISSING : value.asText();
    }
}
