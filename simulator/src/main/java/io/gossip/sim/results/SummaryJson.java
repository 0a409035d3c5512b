package io.gossip.sim.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gossip.protocol.DropReason;
import io.gossip.protocol.message.MessageType;
import io.gossip.sim.network.NetworkDropReason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code summary.json} with every key of docs/results-format.md, plus {@code drops} (network
 * and node drops by reason, and for a live run the kernel's at its sockets) and, where a broadcast
 * was unmeasured, {@code unmeasuredBroadcasts}. Keys in a fixed order,
 * decimals from {@link Decimal}, undefined values as {@code null}, so identical runs give identical
 * bytes apart from {@code wallSeconds} and {@code eventsPerSecond}.
 */
public final class SummaryJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private SummaryJson() {
    }

    /**
     * @param file where to write
     * @param top header of the aggregate: name, seed, nodes, c, step (from the first point)
     * @param sweep the swept parameter, or null
     * @param aggregate statistics over every SCAMP run of the plan (or every main run without SCAMP)
     * @param membership the membership of the aggregate
     * @param events events over every run of the plan
     * @param wallSeconds wall-clock duration of the whole plan
     * @param points per point × membership
     */
    public static void write(Path file, PointSummary top, String sweep, Aggregate aggregate, String membership,
            long events, double wallSeconds, List<PointSummary> points) throws IOException {
        ObjectNode root = NODES.objectNode();
        header(root, top, membership);
        root.put("sweep", sweep);
        body(root, aggregate, top.scenario().output().coverageStepMicros());
        root.put("events", events);
        putWall(root, events, wallSeconds);
        var array = root.putArray("points");
        for (PointSummary p : points) {
            ObjectNode o = array.addObject();
            o.put("point", p.point());
            o.put("parameter", p.parameter());
            o.put("value", p.value());
            header(o, p, p.membership());
            o.put("sweep", sweep);
            body(o, p.aggregate(), p.scenario().output().coverageStepMicros());
            o.put("events", p.aggregate().events);
            putWall(o, p.aggregate().events, p.aggregate().wallSeconds);
        }
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.writeValue(file.toFile(), root);
    }

    private static void header(ObjectNode o, PointSummary p, String membership) {
        o.put("scenario", p.scenario().name());
        o.put("seed", p.scenario().seed());
        o.put("nodes", p.scenario().nodes());
        o.put("c", p.scenario().protocol().c());
        o.put("membership", membership);
    }

    private static void body(ObjectNode o, Aggregate a, long coverageStepMicros) {
        ObjectNode coverage = o.putObject("coverage");
        number(coverage, "mean", a.coverage.mean());
        number(coverage, "min", a.coverage.min());
        number(o, "reliability", a.reliability());
        o.put("broadcasts", a.broadcasts);
        // Only when some broadcast had an empty reference set: the files of every other run stay as they were.
        if (a.unmeasuredBroadcasts > 0) {
            o.put("unmeasuredBroadcasts", a.unmeasuredBroadcasts);
        }
        ObjectNode latency = o.putObject("latencyMillis");
        number(latency, "t50", a.t50.mean());
        number(latency, "t99", a.t99.mean());
        number(latency, "t100", a.t100.mean());
        ObjectNode pv = o.putObject("partialView");
        number(pv, "mean", a.partialView.mean());
        number(pv, "expected", a.expected.mean());
        whole(pv, "min", a.partialView.min());
        whole(pv, "max", a.partialView.max());
        number(pv, "stddev", a.partialView.stddev());
        ObjectNode iv = o.putObject("inView");
        number(iv, "mean", a.inView.mean());
        whole(iv, "min", a.inView.min());
        whole(iv, "max", a.inView.max());
        number(iv, "stddev", a.inView.stddev());
        ObjectNode messages = o.putObject("messages");
        messages.put("total", a.totalMessages());
        number(messages, "perNode", a.messagesPerNode());
        ObjectNode byType = messages.putObject("byType");
        for (MessageType t : MessageType.values()) {
            byType.put(t.name(), a.sentByType[t.ordinal()]);
        }
        number(o, "duplicateRatio", a.duplicateRatio());
        o.put("redelivered", a.redelivered);
        if (a.lateMembershipCopiesUnknown) {
            o.putNull("lateMembershipCopies");
        } else {
            o.put("lateMembershipCopies", a.lateMembershipCopies);
        }
        // The step the grid of coverage.csv was laid on: the scenario's, rounded to the microsecond.
        number(o, "coverageStepMillis", coverageStepMicros / 1000.0);
        ObjectNode drops = o.putObject("drops");
        ObjectNode network = drops.putObject("network");
        for (NetworkDropReason r : NetworkDropReason.values()) {
            network.put(r.name(), a.networkDrops[r.ordinal()]);
        }
        ObjectNode node = drops.putObject("node");
        for (DropReason r : DropReason.values()) {
            node.put(r.name(), a.nodeDrops[r.ordinal()]);
        }
        // Live runs only: a simulated run has no kernel, and its files stay as they were.
        if (a.kernelReceiveDropsUnknown) {
            drops.putNull("kernel");
        } else if (a.kernelReceiveDropsApply) {
            drops.put("kernel", a.kernelReceiveDrops);
        }
    }

    private static void putWall(ObjectNode o, long events, double wallSeconds) {
        number(o, "wallSeconds", wallSeconds);
        number(o, "eventsPerSecond", wallSeconds > 0 ? Math.rint(events / wallSeconds) : Double.NaN);
    }

    private static void number(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, Decimal.rounded(value));
        } else {
            o.putNull(key);
        }
    }

    private static void whole(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, (long) value);
        } else {
            o.putNull(key);
        }
    }
}
