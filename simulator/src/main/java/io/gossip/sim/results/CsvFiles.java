package io.gossip.sim.results;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The per-run CSV files of docs/results-format.md ({@code broadcasts.csv}, {@code coverage.csv},
 * {@code nodes.csv}, {@code timeline.csv}, {@code events.csv}), written run by run in plan order.
 * One header row, comma separators, {@code \n} line ends, decimals from {@link Decimal}.
 */
public final class CsvFiles implements Closeable {
    private final Writer broadcasts;
    private final Writer coverage;
    private final Writer nodes;
    private final Writer timeline;
    private final Writer events;

    public CsvFiles(Path dir) throws IOException {
        broadcasts = open(dir.resolve("broadcasts.csv"), "point,membership,repetition,broadcast,origin,sent_ms,"
                + "live_nodes,reached,coverage,complete,t50_ms,t99_ms,t100_ms,max_hops,messages,duplicates,"
                + "redelivered");
        coverage = open(dir.resolve("coverage.csv"), "point,membership,repetition,broadcast,t_ms,reached,coverage");
        nodes = open(dir.resolve("nodes.csv"),
                "point,membership,repetition,node,alive,partial_view,in_view,messages_sent,messages_received");
        timeline = open(dir.resolve("timeline.csv"),
                "point,membership,repetition,t_ms,live_nodes,pv_mean,pv_min,pv_max,iv_mean,pv_expected");
        events = open(dir.resolve("events.csv"), "point,membership,repetition,t_ms,action,detail");
    }

    private static Writer open(Path file, String header) throws IOException {
        Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        w.write(header);
        w.write('\n');
        return w;
    }

    /** Appends every row of one run. */
    public void write(RunResult run, long coverageStepMicros) throws IOException {
        RunKey k = run.key();
        String prefix = k.point() + "," + k.membershipName() + "," + k.repetition() + ",";
        for (BroadcastResult b : run.broadcasts()) {
            writeBroadcast(prefix, b);
            // An unmeasured broadcast has no curve: a share of an empty set is no figure.
            if (b.measured()) {
                writeCurve(prefix, b, coverageStepMicros);
            }
        }
        NodeTableSnapshot n = run.nodes();
        StringBuilder line = new StringBuilder(96);
        for (int i = 0; i < n.size(); i++) {
            line.setLength(0);
            line.append(prefix).append(i).append(',').append(n.alive(i)).append(',');
            if (n.joined(i)) {
                line.append(n.partialView(i)).append(',').append(n.inView(i)).append(',')
                        .append(n.messagesSent(i)).append(',').append(n.messagesReceived(i)).append('\n');
            } else {
                line.append(",,,\n"); // a slot no node ever joined: no views, no messages, not 0 of them
            }
            nodes.append(line);
        }
        for (TimelineSample s : run.timeline()) {
            timeline.write(prefix + Decimal.millis(s.timeMicros()) + "," + s.liveNodes() + ","
                    + Decimal.orEmpty(s.pvMean()) + "," + s.pvMin() + "," + s.pvMax() + ","
                    + Decimal.orEmpty(s.ivMean()) + "," + Decimal.of(s.pvExpected()) + "\n");
        }
        for (EventRow e : run.eventRows()) {
            events.write(prefix + Decimal.millis(e.timeMicros()) + "," + e.action() + "," + e.detail() + "\n");
        }
    }

    private void writeCurve(String prefix, BroadcastResult b, long coverageStepMicros) throws IOException {
        int[] curve = b.coverageCurve();
        for (int step = 0; step < curve.length; step++) {
            coverage.write(prefix + b.index() + "," + Decimal.millis(step * coverageStepMicros) + ","
                    + curve[step] + "," + Decimal.of((double) curve[step] / b.liveNodes()) + "\n");
        }
    }

    /** A row of broadcasts.csv; an unmeasured broadcast's coverage and complete are empty, not 0 and true. */
    private void writeBroadcast(String prefix, BroadcastResult b) throws IOException {
        String complete = b.measured() ? Boolean.toString(b.complete()) : "";
        broadcasts.write(prefix + b.index() + "," + b.origin() + "," + Decimal.millis(b.sentMicros()) + ","
                + b.liveNodes() + "," + b.reached() + "," + Decimal.orEmpty(b.coverage()) + "," + complete
                + "," + Decimal.millisOrEmpty(b.t50Micros()) + "," + Decimal.millisOrEmpty(b.t99Micros()) + ","
                + Decimal.millisOrEmpty(b.t100Micros()) + "," + b.maxHops() + "," + b.messages() + ","
                + b.duplicates() + "," + b.redelivered() + "\n");
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Writer w : new Writer[] {broadcasts, coverage, nodes, timeline, events}) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
