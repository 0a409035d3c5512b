package io.gossip.sim.scenario;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one run, and a whole plan, may ask the result files and the engine's bookkeeping to hold.
 * Every value of a scenario can be right on its own and the whole still ask for more rows, memory
 * or idle events than any machine has: a sample every microsecond of a day-long run. Each bound
 * here is far above what a study asks (the shipped scenarios stay orders of magnitude below) and
 * below what cannot fit; a scenario past one is refused before anything runs, at the key that asks
 * for it, with the figure it comes to and the value that would do (docs/scenarios.md, "Bounds").
 */
final class RunBounds {
    /**
     * Rows of timeline.csv per run. Each sample is held in memory until the run ends and then
     * written: 10^7 of them ran in a 768 MB heap (not in 512 MB) and wrote 418 MB of timeline.csv.
     * The shipped scenarios take at most about 10,000 (a sample every 10 s of a 28-hour run).
     */
    static final long MAX_TIMELINE_SAMPLES = 10_000_000;

    /** Broadcasts per run, the timeline's broadcast counts added up: {@link Scenario#MAX_BROADCASTS_PER_RUN}. */
    static final long MAX_BROADCASTS_PER_RUN = Scenario.MAX_BROADCASTS_PER_RUN;

    /**
     * Bytes of receipt tables held at once by the broadcasts sent at one microsecond. The engine
     * keeps, per broadcast still spreading, a 4-byte first-receipt delay and a bit per node slot; the
     * broadcasts sent at one instant are all spreading together, whatever the latency. 32 GB is more
     * than a machine that runs this is likely to give one JVM (the million-node scenario runs in
     * 4.8 GB), and it counts the tables alone: the nodes and their messages need memory too.
     */
    static final long MAX_RECEIPT_BYTES_AT_ONCE = 32_000_000_000L;

    /**
     * Rows of one result file over a whole plan: every point, repetition and membership appends its
     * rows to the same file. A row of nodes.csv, timeline.csv or broadcasts.csv takes 35 to 65 B, so
     * 10^9 rows are tens of GB of CSV, which no chart or spreadsheet reads; the shipped scenarios
     * write at most 2,000,000 rows to nodes.csv (100k-nodes-loss-sweep.yaml), about 350,000 to
     * timeline.csv and 1,400 to broadcasts.csv.
     */
    static final long MAX_ROWS_PER_FILE = 1_000_000_000;

    /**
     * Leave attempts of one churn action. Its leave process draws Poisson gaps, at least a
     * microsecond each, from atMillis to untilMillis, one event per attempt, whether or not a node
     * is left to remove (its joins stop when the slots run out; its leaves cannot tell whether later
     * joins will bring nodes back). A slot is never reused, so at most {@code nodes} attempts remove
     * one; 10^8 idle attempts took 12 s, so 10^9 are minutes of nothing. The shipped churn makes 600.
     */
    static final double MAX_CHURN_LEAVES = 1e9;

    private RunBounds() {
    }

    /**
     * Timeline samples of a run of {@code durationMillis} sampled every {@code sampleMillis} (0: none):
     * the engine samples at 0 and every interval up to the end included, on its microsecond clock.
     */
    static long timelineSamples(double durationMillis, double sampleMillis) {
        long step = micros(sampleMillis);
        return step == 0 ? 0 : micros(durationMillis) / step + 1;
    }

    /** {@link #timelineSamples(double, double)} of a scenario's runs. */
    static long timelineSamples(Scenario scenario) {
        return timelineSamples(scenario.durationMillis(), scenario.output().timelineSampleMillis());
    }

    /**
     * Refuses more than {@link #MAX_TIMELINE_SAMPLES} per run, at {@code output.timelineSampleMillis}
     * (which must then be written under {@code output}).
     */
    static Void checkTimelineSamples(YamlNode output, double durationMillis, double sampleMillis)
            throws ScenarioException {
        long samples = timelineSamples(durationMillis, sampleMillis);
        if (samples <= MAX_TIMELINE_SAMPLES) {
            return null;
        }
        // The shortest interval, on the microsecond clock, for which duration / interval + 1 fits.
        long least = micros(durationMillis) / MAX_TIMELINE_SAMPLES + 1;
        YamlNode written = ((YamlNode.Mapping) output).get("timelineSampleMillis");
        throw new ScenarioException(written.location(), "output.timelineSampleMillis: " + grouped(sampleMillis)
                + " over " + grouped(micros(durationMillis) / 1000.0) + " ms of run gives " + grouped(samples)
                + " timeline samples per run; at most " + grouped(MAX_TIMELINE_SAMPLES) + " (each is held in memory"
                + " until the run ends and is a row of timeline.csv): raise timelineSampleMillis to at least "
                + grouped(least / 1000.0) + ", or set it to 0 for no timeline");
    }

    /** The broadcasts of a run: the counts of {@code timeline}'s broadcast actions added up. */
    static long broadcasts(List<TimelineAction> timeline) {
        long total = 0;
        for (TimelineAction action : timeline) {
            if (action instanceof TimelineAction.Broadcast broadcast) {
                total += broadcast.count();
            }
        }
        return total;
    }

    /**
     * Refuses {@code broadcasts} (those of the timeline up to the action {@code path}, written as
     * {@code action}) past {@link #MAX_BROADCASTS_PER_RUN}, at the action's count.
     */
    static void checkBroadcasts(long broadcasts, YamlNode.Mapping action, String path) throws ScenarioException {
        if (broadcasts <= MAX_BROADCASTS_PER_RUN) {
            return;
        }
        YamlNode count = action.get("count");
        throw new ScenarioException(count == null ? action.location() : count.location(), path + ".count: the "
                + "broadcasts up to this action add up to " + grouped(broadcasts) + " per run; at most "
                + grouped(MAX_BROADCASTS_PER_RUN) + " (each keeps about 400 B of memory until the run ends and is a"
                + " row of broadcasts.csv, coverage.csv and events.csv): send fewer per run, or spread them over"
                + " repetitions");
    }

    /**
     * Refuses a timeline whose broadcasts sent at one microsecond need more than
     * {@link #MAX_RECEIPT_BYTES_AT_ONCE} of receipt tables for {@code nodes} slots, at the count of
     * the first action sending at that microsecond. The timeline holds at most
     * {@link #MAX_BROADCASTS_PER_RUN} broadcasts, each sent when the engine sends it: at
     * {@code atMillis + k × intervalMillis} on the microsecond clock, several on one tick when the
     * interval is 0 or below a microsecond.
     */
    static Void checkBroadcastsAtOnce(YamlNode timelineNode, List<TimelineAction> timeline, int nodes)
            throws ScenarioException {
        long[] sends = new long[(int) broadcasts(timeline)];
        int n = 0;
        for (TimelineAction action : timeline) {
            if (action instanceof TimelineAction.Broadcast b) {
                for (int k = 0; k < b.count(); k++) {
                    sends[n++] = sendMicros(b, k);
                }
            }
        }
        Arrays.sort(sends);
        long most = 0;
        long when = 0;
        int i = 0;
        while (i < n) {
            int j = i + 1; // sends[i, j): the broadcasts sent on the tick of sends[i]
            while (j < n && sends[j] == sends[i]) {
                j++;
            }
            if (j - i > most) {
                most = j - i;
                when = sends[i];
            }
            i = j;
        }
        long perBroadcast = 4L * nodes + (nodes + 7) / 8;
        if (most * perBroadcast <= MAX_RECEIPT_BYTES_AT_ONCE) {
            return null;
        }
        int first = 0;
        while (!sendsAt(timeline.get(first), when)) {
            first++;
        }
        YamlNode.Mapping written = (YamlNode.Mapping) ((YamlNode.Sequence) timelineNode).items().get(first);
        YamlNode count = written.get("count");
        throw new ScenarioException(count == null ? written.location() : count.location(), "timeline." + first
                + ".count: " + grouped(most) + " broadcasts sent at one microsecond (at " + grouped(when / 1000.0)
                + " ms) need " + gigabytes(most * perBroadcast) + " at once for their receipt tables (a 4-byte"
                + " delay and a bit per node slot each, " + grouped(nodes) + " slots); at most "
                + gigabytes(MAX_RECEIPT_BYTES_AT_ONCE) + ": space them with intervalMillis, or send fewer at once");
    }

    /** When the engine sends broadcast {@code k} of {@code b}, in microseconds (TimelineDriver's rounding). */
    private static long sendMicros(TimelineAction.Broadcast b, int k) {
        return micros(b.atMillis()) + micros(b.intervalMillis() * k);
    }

    /** Whether {@code action} is a broadcast sending one at {@code micros}. */
    private static boolean sendsAt(TimelineAction action, long micros) {
        if (action instanceof TimelineAction.Broadcast b) {
            for (int k = 0; k < b.count() && sendMicros(b, k) <= micros; k++) {
                if (sendMicros(b, k) == micros) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code 41,250,000,000 bytes (41.3 GB)}, {@code 32,000,000,000 (32 GB)} for a round bound. */
    private static String gigabytes(long bytes) {
        String gb = bytes % 1_000_000_000 == 0 ? grouped(bytes / 1_000_000_000)
                : String.format(Locale.ROOT, "%.1f", bytes / 1e9);
        return grouped(bytes) + (bytes == MAX_RECEIPT_BYTES_AT_ONCE ? "" : " bytes") + " (" + gb + " GB)";
    }

    /**
     * Refuses a plan whose runs, added up, write more than {@link #MAX_ROWS_PER_FILE} rows to
     * nodes.csv (a row per node slot), timeline.csv or broadcasts.csv (events.csv has as many
     * broadcast rows, coverage.csv at least as many). It is located at what multiplies the runs:
     * the repetitions as written, or the sweep's values when they are more (or the repetitions are
     * swept), or else the node count.
     *
     * @param root the scenario as read, overrides applied
     * @param sweep the sweep, or null
     */
    static void checkPlanRows(List<RunPlan.Point> points, YamlNode.Mapping root, Sweep sweep)
            throws ScenarioException {
        long runs = 0;
        RowCount nodeRows = new RowCount("nodes.csv", " node slots per run");
        RowCount timelineRows = new RowCount("timeline.csv", " timeline samples per run");
        RowCount broadcastRows = new RowCount("broadcasts.csv", " broadcasts per run; as many rows of events.csv,"
                + " and at least as many of coverage.csv");
        for (RunPlan.Point point : points) {
            Scenario s = point.scenario();
            long pointRuns = (long) s.repetitions() * (s.baseline() == null ? 1 : 2);
            runs += pointRuns;
            nodeRows.add(pointRuns, s.nodes());
            timelineRows.add(pointRuns, timelineSamples(s));
            broadcastRows.add(pointRuns, broadcasts(s.timeline()));
        }
        RowCount over = nodeRows.rows > MAX_ROWS_PER_FILE ? nodeRows : timelineRows.rows > MAX_ROWS_PER_FILE
                ? timelineRows : broadcastRows.rows > MAX_ROWS_PER_FILE ? broadcastRows : null;
        if (over == null) {
            return;
        }
        YamlNode repetitions = root.get("repetitions");
        boolean sweepIsMore = sweep != null && (repetitions == null || sweep.parameter().equals("repetitions")
                || points.size() >= points.get(0).scenario().repetitions());
        String key = sweepIsMore ? "sweep.values" : repetitions != null ? "repetitions" : "nodes";
        YamlNode blamed = sweepIsMore ? ((YamlNode.Mapping) root.get("sweep")).get("values") : root.get(key);
        throw new ScenarioException(blamed == null ? root.location() : blamed.location(), key + ": the plan's "
                + grouped(runs) + " runs write " + over + "; at most " + grouped(MAX_ROWS_PER_FILE) + " rows in one"
                + " result file (tens of GB of CSV): run fewer repetitions or sweep fewer values, or write fewer rows"
                + " per run");
    }

    /** The rows a plan's runs write to one file, and the most one run writes. */
    private static final class RowCount {
        private final String file;
        private final String perRun;
        /** A sum that may pass a long's range (10^6 swept points of 10^6 repetitions): exact below 2^53. */
        private double rows;
        private long most = -1;
        private boolean same = true;

        RowCount(String file, String perRun) {
            this.file = file;
            this.perRun = perRun;
        }

        void add(long runs, long rowsPerRun) {
            same &= most < 0 || rowsPerRun == most;
            most = Math.max(most, rowsPerRun);
            rows += (double) runs * rowsPerRun;
        }

        /** {@code 1,200,000 rows of nodes.csv (up to 10,000 node slots per run)}. */
        @Override
        public String toString() {
            return grouped(rows) + " rows of " + file + " (" + (same ? "" : "up to ") + grouped(most) + perRun + ")";
        }
    }

    /** Refuses a churn whose leave process makes more than {@link #MAX_CHURN_LEAVES} attempts, at its rate. */
    static void checkChurnLeaves(TimelineAction.Churn churn, YamlNode.Mapping action, String path)
            throws ScenarioException {
        double micros = micros(churn.untilMillis()) - micros(churn.atMillis());
        double attempts = Math.min(churn.leavesPerSecond() * micros / 1e6, micros);
        if (attempts <= MAX_CHURN_LEAVES) {
            return;
        }
        throw new ScenarioException(action.get("leavesPerSecond").location(), path + ".leavesPerSecond: "
                + grouped(churn.leavesPerSecond()) + " per second over " + grouped(micros / 1000) + " ms gives about "
                + grouped(Math.rint(attempts)) + " leave attempts; at most " + grouped(MAX_CHURN_LEAVES) + " per churn"
                + " (each is an event, drawn at most once a microsecond whether or not a node is left: a slot is never"
                + " reused, so at most nodes of them remove one): lower leavesPerSecond to "
                + grouped(Math.floor(MAX_CHURN_LEAVES / (micros / 1e6) * 1e6) / 1e6)
                + " or less, or shorten the churn");
    }

    /** Milliseconds on the engine's microsecond clock, rounded as the engine rounds them. */
    private static long micros(double millis) {
        return Math.round(millis * 1000);
    }

    /**
     * {@code 100,000,000}, {@code 0.001}, {@code 10.5}: plain, with thousands separated, up to six
     * decimals; from 10^18 on as Java writes it ({@code 1.0E300}), not in hundreds of digits.
     */
    static String grouped(double value) {
        return Math.abs(value) >= 1e18 ? String.valueOf(value)
                : new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
