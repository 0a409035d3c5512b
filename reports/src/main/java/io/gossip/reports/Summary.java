package io.gossip.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of {@code summary.json} a report shows. Numbers the simulator may leave out or set to
 * {@code null} (a latency never reached, a run without broadcasts) are {@link Double#NaN}; a field
 * that is present with the wrong type or out of its range (a reliability above 1, a negative
 * count) is an error, as are a missing {@code scenario}, {@code nodes}
 * or {@code c}, without which neither the title nor the theoretical view size can be drawn.
 * {@code lossFraction} is the share of all messages sent that the network lost (NaN when the
 * summary has no drop counts).
 *
 * <p>{@code sweep} is the swept parameter's name, or null without a sweep. After a sweep the
 * figures aggregate every point while {@code nodes} and {@code c} are the first point's (the
 * scenario file's) and {@code pvExpected} is a mean of the points' (c+1)·ln n: each point's own
 * {@code nodes} and {@code c} are in {@code points}.
 *
 * <p>{@code lateMembershipCopies} is NaN where the summary holds {@code null}, as a live run's does
 * (its latencies are not drawn), and absent.
 *
 * <p>{@code broadcasts} counts every broadcast sent (NaN where the summary leaves it out), and
 * {@code unmeasuredBroadcasts} those of them whose reference set was empty, which no coverage,
 * reliability or latency figure counts: 0 where the key is absent, as the simulator writes it only
 * when there is one. A null reliability thus means no broadcast was sent, or none was measured.
 *
 * <p>{@code drops.kernel} is written by live runs only (since they count it): {@code kernelDropsWritten}
 * says whether the summary has the key, and {@code kernelDrops} is the datagrams the kernel dropped
 * at the run's sockets, NaN where the run could not read them (null) or the key is absent.
 */
record Summary(
        String scenario,
        String seed,
        int nodes,
        double c,
        double coverageMean,
        double coverageMin,
        double reliability,
        double latencyT50Ms,
        double latencyT99Ms,
        double latencyT100Ms,
        double pvMean,
        double pvExpected,
        double ivMean,
        double messagesPerNode,
        double duplicateRatio,
        double events,
        double lossFraction,
        String sweep,
        List<PointSummary> points,
        double lateMembershipCopies,
        boolean kernelDropsWritten,
        double kernelDrops,
        double broadcasts,
        double unmeasuredBroadcasts) {

    static final String FILE = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The per-point entries of {@code points} (one per point and membership): only what the charts,
     * the summary table and the check of the CSV files against them ({@link RunCompleteness}) need;
     * {@code c}, {@code nodes} (node slots) and {@code broadcasts} are NaN when the entry leaves them
     * out.
     */
    record PointSummary(int point, String membership, double c, double nodes, double broadcasts) {
    }

    /**
     * Whether a broadcast was sent: by the count, or, where the summary has none, by a reliability
     * (which, before unmeasured broadcasts, was null exactly when none was sent).
     */
    boolean anyBroadcast() {
        return Double.isNaN(broadcasts) ? !Double.isNaN(reliability) : broadcasts > 0;
    }

    /** The {@code c} of a point as the summary records it, or the top-level {@code c}. */
    double cOfPoint(int point) {
        for (PointSummary p : points) {
            if (p.point() == point && !Double.isNaN(p.c())) {
                return p.c();
            }
        }
        return c;
    }

    /** Reads and checks {@code summary.json} in {@code runDir}. */
    static Summary read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ReportException(file, "file is missing");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ReportException(file, Math.max(line, 0), "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ReportException(file, "expected a JSON object at the top level");
        }
        JsonFields f = new JsonFields(file);
        String scenario = f.requiredText(root, "scenario");
        double nodes = f.requiredNumber(root, "nodes");
        if (nodes != Math.rint(nodes) || nodes < 0) {
            throw new ReportException(file, "'nodes' is not a whole number: " + root.get("nodes"));
        }
        double c = f.requiredNumber(root, "c");
        if (c < 0) {
            throw f.fail("'c' is out of range: " + root.get("c") + " (must be 0 or more)");
        }
        return new Summary(
                scenario,
                f.scalarText(root, "seed"),
                (int) nodes,
                c,
                f.fraction(root, "coverage", "mean"),
                f.fraction(root, "coverage", "min"),
                f.fraction(root, "reliability"),
                f.nonNegative(root, "latencyMillis", "t50"),
                f.nonNegative(root, "latencyMillis", "t99"),
                f.nonNegative(root, "latencyMillis", "t100"),
                f.nonNegative(root, "partialView", "mean"),
                f.nonNegative(root, "partialView", "expected"),
                f.nonNegative(root, "inView", "mean"),
                f.nonNegative(root, "messages", "perNode"),
                f.fraction(root, "duplicateRatio"),
                f.nonNegative(root, "events"),
                f.nonNegative(root, "drops", "network", "LOSS") / f.nonNegative(root, "messages", "total"),
                f.optionalText(root, "sweep"),
                readPoints(f, root),
                f.nonNegative(root, "lateMembershipCopies"),
                root.path("drops").has("kernel"),
                f.nonNegative(root, "drops", "kernel"),
                f.nonNegative(root, "broadcasts"),
                // Written only when a broadcast was unmeasured: absent means none was.
                root.has("unmeasuredBroadcasts") ? f.nonNegative(root, "unmeasuredBroadcasts") : 0);
    }

    private static List<PointSummary> readPoints(JsonFields f, JsonNode root) throws ReportException {
        List<PointSummary> points = new ArrayList<>();
        JsonNode array = root.get("points");
        if (array == null || array.isNull()) {
            return points;
        }
        if (!array.isArray()) {
            throw f.fail("'points' is not an array");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode p = array.get(i);
            if (!p.isObject()) {
                throw f.fail("'points[" + i + "]' is not an object");
            }
            double point = f.number(p, "point");
            String membership = p.hasNonNull("membership") ? p.get("membership").asText() : "scamp";
            points.add(new PointSummary(Double.isNaN(point) ? i : (int) point, membership,
                    f.nonNegative(p, "c"), f.nonNegative(p, "nodes"), f.nonNegative(p, "broadcasts")));
        }
        return List.copyOf(points);
    }
}
