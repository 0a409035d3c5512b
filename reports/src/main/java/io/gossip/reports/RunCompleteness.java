package io.gossip.reports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Checks that a run folder holds every row its run wrote, before {@code sim report} draws from it.
 *
 * <p>Each file parses on its own, so a file cut short at a line break (a copy that stopped, a disk
 * that filled up, a hand edit) read as a run with fewer broadcasts or nodes: {@code broadcasts.csv}
 * cut to its header gave a page saying the run had no broadcasts beside its reliability of 90 %,
 * {@code nodes.csv} cut to its header made the histograms vanish. So the row counts are held to
 * what {@code summary.json} counts (its {@code broadcasts} and {@code nodes} per point and
 * membership), and the files to one another: every broadcast has its coverage curve, ending at the
 * nodes it reached, and its row of {@code events.csv}; where {@code scenario.yaml} samples the
 * membership ({@code output.timelineSampleMillis} > 0) every run has its samples. Each problem is
 * refused with the file at fault and what it lacks, as a malformed value is.
 */
final class RunCompleteness {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final String CUT = ": the file is cut short or is not this run's";

    private RunCompleteness() {
    }

    /** A point and membership, as {@code points.csv} and {@code summary.json} list them. */
    private record Group(int point, String membership) {
        @Override
        public String toString() {
            return "point " + point + " (" + membership + ")";
        }
    }

    /** One run: a repetition of a point and membership. */
    private record Run(int point, String membership, int repetition) {
        @Override
        public String toString() {
            return "point " + point + " (" + membership + ") repetition " + repetition;
        }
    }

    /** What {@code coverage.csv} holds of one broadcast: its rows and the last one's {@code reached}. */
    private static final class Curve {
        int rows;
        int lastReached;
    }

    /**
     * Refuses {@code run} when a file lacks rows that {@code summary.json} or another file shows it
     * wrote.
     *
     * @throws ReportException naming the file that is short and what it lacks
     */
    static void check(RunData run) throws ReportException {
        Map<Run, Integer> broadcasts = checkRows(run);
        JsonNode scenario = scenario(run);
        checkEvents(run, scenario, broadcasts);
        checkTimeline(run, scenario);
    }

    /**
     * The same checks for {@code sim compare}, which reads older folders without {@code events.csv}
     * or {@code timeline.csv}, and shows a run whose {@code scenario.yaml} does not parse as one of
     * unknown scenario: each of those two files is held to the others only when the folder has it,
     * against the scenario only when it parses.
     *
     * @throws ReportException naming the file that is short and what it lacks
     */
    static void checkPresent(RunData run) throws ReportException {
        Map<Run, Integer> broadcasts = checkRows(run);
        JsonNode scenario;
        try {
            scenario = scenario(run);
        } catch (ReportException unreadable) {
            scenario = YAML.createObjectNode();
        }
        if (Files.exists(file(run, EventRow.FILE))) {
            checkEvents(run, scenario, broadcasts);
        }
        if (Files.exists(file(run, TimelineRow.FILE))) {
            checkTimeline(run, scenario);
        }
    }

    /** The rows of points, broadcasts, nodes and coverage against summary.json; the broadcasts per run. */
    private static Map<Run, Integer> checkRows(RunData run) throws ReportException {
        Map<Group, Summary.PointSummary> groups = groups(run);
        Map<Run, Integer> broadcasts = checkBroadcasts(run, groups);
        checkNodes(run, groups);
        checkCoverage(run);
        return broadcasts;
    }

    private static Path file(RunData run, String name) {
        return run.dir().resolve(name);
    }

    /** The points of {@code points.csv}, each with its entry in {@code summary.json}: both list the same. */
    private static Map<Group, Summary.PointSummary> groups(RunData run) throws ReportException {
        Path summaryFile = file(run, Summary.FILE);
        Map<Group, Summary.PointSummary> listed = new LinkedHashMap<>();
        List<Summary.PointSummary> entries = run.summary().points();
        for (int i = 0; i < entries.size(); i++) {
            Summary.PointSummary p = entries.get(i);
            if (Double.isNaN(p.broadcasts())) {
                throw new ReportException(summaryFile, "missing required field 'points[" + i + "].broadcasts'");
            }
            if (Double.isNaN(p.nodes())) {
                throw new ReportException(summaryFile, "missing required field 'points[" + i + "].nodes'");
            }
            listed.put(new Group(p.point(), p.membership()), p);
        }
        Path pointsFile = file(run, PointRow.FILE);
        Map<Group, Summary.PointSummary> groups = new LinkedHashMap<>();
        for (PointRow p : run.points()) {
            Group g = new Group(p.point(), p.membership());
            Summary.PointSummary entry = listed.get(g);
            if (entry == null) {
                throw new ReportException(pointsFile, "has a row for " + g + ", which summary.json does not list"
                        + CUT);
            }
            groups.put(g, entry);
        }
        for (Group g : listed.keySet()) {
            if (!groups.containsKey(g)) {
                throw new ReportException(pointsFile, "has no row for " + g + ", which summary.json lists" + CUT);
            }
        }
        return groups;
    }

    /** The runs {@code points.csv} lists: repetitions 0 to {@code repetitions} − 1 of each row. */
    private static List<Run> runs(RunData run) {
        return run.points().stream()
                .flatMap(p -> IntStream.range(0, p.repetitions())
                        .mapToObj(r -> new Run(p.point(), p.membership(), r)))
                .toList();
    }

    /** Whether {@code points.csv} lists the run, {@code repetitions} holding its rows' repetitions per point. */
    private static boolean listed(Map<Group, Integer> repetitions, int point, String membership, int repetition) {
        Integer count = repetitions.get(new Group(point, membership));
        return count != null && repetition < count;
    }

    private static Map<Group, Integer> repetitions(RunData run) {
        Map<Group, Integer> repetitions = new HashMap<>();
        run.points().forEach(p -> repetitions.put(new Group(p.point(), p.membership()), p.repetitions()));
        return repetitions;
    }

    /** {@code broadcasts.csv} against {@code summary.json}'s count per point; returns the count per run. */
    private static Map<Run, Integer> checkBroadcasts(RunData run, Map<Group, Summary.PointSummary> groups)
            throws ReportException {
        Path csv = file(run, BroadcastRow.FILE);
        Map<Group, Integer> repetitions = repetitions(run);
        Map<Group, Integer> perGroup = new HashMap<>();
        Map<Run, Integer> perRun = new HashMap<>();
        for (BroadcastRow b : run.broadcasts()) {
            if (!listed(repetitions, b.point(), b.membership(), b.repetition())) {
                throw new ReportException(csv, "has broadcasts of " + new Run(b.point(), b.membership(),
                        b.repetition()) + ", a run points.csv does not list" + CUT);
            }
            perGroup.merge(new Group(b.point(), b.membership()), 1, Integer::sum);
            perRun.merge(new Run(b.point(), b.membership(), b.repetition()), 1, Integer::sum);
        }
        for (Map.Entry<Group, Summary.PointSummary> e : groups.entrySet()) {
            long expected = (long) e.getValue().broadcasts();
            int found = perGroup.getOrDefault(e.getKey(), 0);
            if (found != expected) {
                throw new ReportException(csv, "holds " + Numbers.counted(found, "broadcast") + " of " + e.getKey()
                        + " where summary.json counts " + Numbers.grouped(expected) + CUT);
            }
        }
        return perRun;
    }

    /** {@code nodes.csv}: one row per node slot ({@code summary.json}'s {@code nodes}) in every run. */
    private static void checkNodes(RunData run, Map<Group, Summary.PointSummary> groups) throws ReportException {
        Path csv = file(run, NodeRow.FILE);
        Map<Group, Integer> repetitions = repetitions(run);
        Map<Run, Integer> perRun = new HashMap<>();
        for (NodeRow n : run.nodes()) {
            if (!listed(repetitions, n.point(), n.membership(), n.repetition())) {
                throw new ReportException(csv, "has node rows of " + new Run(n.point(), n.membership(),
                        n.repetition()) + ", a run points.csv does not list" + CUT);
            }
            perRun.merge(new Run(n.point(), n.membership(), n.repetition()), 1, Integer::sum);
        }
        for (Run r : runs(run)) {
            long expected = (long) groups.get(new Group(r.point(), r.membership())).nodes();
            int found = perRun.getOrDefault(r, 0);
            if (found != expected) {
                throw new ReportException(csv, "holds " + Numbers.counted(found, "node row") + " of " + r
                        + " where summary.json gives " + Numbers.counted(expected, "node slot")
                        + " (one row each)" + CUT);
            }
        }
    }

    /**
     * {@code coverage.csv}: each measured broadcast's curve, and only theirs, up to the nodes it
     * reached. An unmeasured broadcast has none: a share of an empty set is no figure.
     */
    private static void checkCoverage(RunData run) throws ReportException {
        Path csv = file(run, CoverageRow.FILE);
        Map<CoverageRow.BroadcastKey, Curve> curves = new HashMap<>();
        for (CoverageRow c : run.coverage()) {
            Curve curve = curves.computeIfAbsent(c.key(), k -> new Curve());
            curve.rows++;
            curve.lastReached = c.reached();
        }
        for (BroadcastRow b : run.broadcasts()) {
            String which = "broadcast " + b.broadcast() + " of " + new Run(b.point(), b.membership(), b.repetition());
            Curve curve = curves.remove(new CoverageRow.BroadcastKey(b.point(), b.membership(), b.repetition(),
                    b.broadcast()));
            if (!b.measured()) {
                if (curve != null) {
                    throw new ReportException(csv, "has rows for " + which + ", which broadcasts.csv lists as"
                            + " unmeasured (live_nodes 0): a curve over no node, which the simulator does not write");
                }
                continue;
            }
            if (curve == null) {
                throw new ReportException(csv, "has no rows for " + which + ", which broadcasts.csv lists" + CUT);
            }
            if (curve.lastReached != b.reached()) {
                throw new ReportException(csv, "the rows of " + which + " end at " + Numbers.counted(
                        curve.lastReached, "node") + " reached where broadcasts.csv says " + Numbers.grouped(
                        b.reached()) + " (each curve runs until the last node it reached)" + CUT);
            }
        }
        if (!curves.isEmpty()) {
            CoverageRow.BroadcastKey k = curves.keySet().stream().sorted().findFirst().orElseThrow();
            throw new ReportException(csv, "has rows for broadcast " + k.broadcast() + " of " + new Run(k.point(),
                    k.membership(), k.repetition()) + ", which broadcasts.csv does not list" + CUT);
        }
    }

    /**
     * {@code events.csv}: a {@code broadcast} row for each broadcast sent, and, where the scenario has
     * a timeline, at least one row per run (every action starts before the run's end, so each run
     * executes one at least).
     */
    private static void checkEvents(RunData run, JsonNode scenario, Map<Run, Integer> broadcasts)
            throws ReportException {
        Path csv = file(run, EventRow.FILE);
        Map<Run, Integer> rows = new HashMap<>();
        Map<Run, Integer> sent = new HashMap<>();
        for (EventRow e : run.events()) {
            Run r = new Run(e.point(), e.membership(), e.repetition());
            rows.merge(r, 1, Integer::sum);
            if (e.action().equals("broadcast") && e.detail().startsWith("broadcast=")) {
                sent.merge(r, 1, Integer::sum);
            }
        }
        String sweep = run.summary().sweep();
        boolean hasTimeline = scenario.path("timeline").isArray() && !scenario.path("timeline").isEmpty()
                && !"timeline".equals(sweep);
        for (Run r : runs(run)) {
            if (hasTimeline && !rows.containsKey(r)) {
                throw new ReportException(csv, "has no row for " + r + ", although scenario.yaml has a timeline"
                        + " (each run records the actions it executes)" + CUT);
            }
            int expected = broadcasts.getOrDefault(r, 0);
            int found = sent.getOrDefault(r, 0);
            if (found != expected) {
                throw new ReportException(csv, "holds " + Numbers.counted(found, "broadcast row") + " of " + r
                        + " where broadcasts.csv lists " + Numbers.counted(expected, "broadcast") + CUT);
            }
        }
    }

    /**
     * {@code timeline.csv}, where the scenario samples the membership: samples of every run, as many
     * in each run of a point (they share its duration), and in a simulated run up to its last action
     * at least (samples are taken at 0, s, 2s, ... up to the end, which is after every action; a live
     * run stamps both with its clock, which may run late).
     */
    private static void checkTimeline(RunData run, JsonNode scenario) throws ReportException {
        Path csv = file(run, TimelineRow.FILE);
        String sweep = run.summary().sweep();
        if ("output".equals(sweep)) {
            return; // each point's own output mapping: not read here
        }
        Map<Run, Integer> samples = new HashMap<>();
        Map<Run, Double> lastSample = new HashMap<>();
        for (TimelineRow t : run.timeline()) {
            Run r = new Run(t.point(), t.membership(), t.repetition());
            samples.merge(r, 1, Integer::sum);
            lastSample.merge(r, t.tMs(), Math::max);
        }
        Map<Run, Double> lastAction = new HashMap<>();
        for (EventRow e : run.events()) {
            lastAction.merge(new Run(e.point(), e.membership(), e.repetition()), e.tMs(), Math::max);
        }
        boolean simulated = !Double.isNaN(run.summary().lateMembershipCopies());
        Map<Integer, Integer> perPoint = new HashMap<>();
        for (Run r : runs(run)) {
            double every = sampleMillis(run, scenario, sweep, r.point());
            if (!(every > 0)) {
                continue;
            }
            int found = samples.getOrDefault(r, 0);
            if (found == 0) {
                throw new ReportException(csv, "has no samples of " + r + ", although scenario.yaml sets "
                        + "output.timelineSampleMillis to " + Numbers.compact(every) + CUT);
            }
            Integer first = perPoint.putIfAbsent(r.point(), found);
            if (first != null && first != found) {
                throw new ReportException(csv, "holds " + Numbers.counted(found, "sample") + " of " + r + " but "
                        + Numbers.grouped(first) + " of another run of point " + r.point()
                        + " (the runs of a point sample the same duration)" + CUT);
            }
            double action = lastAction.getOrDefault(r, 0.0);
            if (simulated && lastSample.get(r) + every <= action) {
                throw new ReportException(csv, "the samples of " + r + " stop at " + Numbers.compact(lastSample.get(r))
                        + " ms, but the run went on to an action at " + Numbers.compact(action) + " ms (events.csv)"
                        + " and is sampled every " + Numbers.compact(every) + " ms until its end" + CUT);
            }
        }
    }

    /**
     * The sampling interval of {@code point}: its swept value, else scenario.yaml's (0 when unset),
     * on the simulator's microsecond clock as it samples.
     */
    private static double sampleMillis(RunData run, JsonNode scenario, String sweep, int point)
            throws ReportException {
        double millis;
        if ("output.timelineSampleMillis".equals(sweep)) {
            millis = run.points().stream().filter(p -> p.point() == point).mapToDouble(PointRow::value)
                    .findFirst().orElse(0);
        } else {
            JsonNode value = scenario.path("output").path("timelineSampleMillis");
            if (value.isMissingNode() || value.isNull()) {
                return 0;
            }
            if (!value.isNumber()) {
                throw new ReportException(file(run, RunData.SCENARIO_FILE),
                        "'output.timelineSampleMillis' is not a number: " + value);
            }
            millis = value.asDouble();
        }
        return Double.isNaN(millis) ? 0 : Math.round(millis * 1000) / 1000.0;
    }

    /**
     * {@code scenario.yaml} as a tree, read once for the checks that need it (an empty one when the
     * folder has none, as compare allows).
     */
    private static JsonNode scenario(RunData run) throws ReportException {
        if (run.scenarioYaml().isEmpty()) {
            return YAML.createObjectNode();
        }
        try {
            JsonNode root = YAML.readTree(run.scenarioYaml().get());
            return root == null ? YAML.createObjectNode() : root;
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
            throw new ReportException(file(run, RunData.SCENARIO_FILE), line, "not valid YAML: "
                    + e.getOriginalMessage());
        }
    }
}
