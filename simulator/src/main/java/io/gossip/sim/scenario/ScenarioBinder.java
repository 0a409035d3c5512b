package io.gossip.sim.scenario;

import io.gossip.protocol.ProtocolConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds a scenario tree (one sweep point, overrides already applied, seed present) to a
 * {@link Scenario}, by hand and schema-aware: each top-level section is checked, every problem
 * found is reported together with its location, and nothing is silently defaulted that the
 * documentation (docs/scenarios.md) does not name as a default.
 */
final class ScenarioBinder {
    /**
     * The longest name: it is the output folder's name, and ext4, APFS and NTFS take at most 255
     * bytes (or UTF-16 units) per folder name; a name's characters are ASCII. Longer, the run
     * failed when it created the folder, after validation had said the scenario was fine.
     */
    static final int MAX_NAME_CHARACTERS = 255;

    static final List<String> KEYS = List.of("name", "description", "seed", "repetitions", "nodes", "protocol",
            "membership", "baseline", "network", "timeline", "durationMillis", "drainMillis", "output", "sweep",
            "live");

    /** The keys of the output section. */
    private static final List<String> OUTPUT_KEYS = List.of("timelineSampleMillis", "coverageStepMillis");

    /** The keys of the sections, by the section they belong to: written at the top level, they were meant there. */
    private static final Map<String, String> SECTION_KEYS = sectionKeys();

    private static Map<String, String> sectionKeys() {
        Map<String, String> homes = new LinkedHashMap<>();
        ProtocolBinder.KEYS.forEach(k -> homes.put(k, "protocol"));
        NetworkBinder.KEYS.forEach(k -> homes.put(k, "network"));
        OUTPUT_KEYS.forEach(k -> homes.put(k, "output"));
        Sweep.KEYS.forEach(k -> homes.put(k, "sweep"));
        KEYS.forEach(homes::remove); // a top-level key is never misplaced
        return Map.copyOf(homes);
    }

    /** What a run may last, for the messages that say it would last longer. */
    private static final String TOO_LONG = String.format(Locale.ROOT,
            "%,d ms (about %d years) of virtual time a run may last", (long) Scenario.MAX_DURATION_MILLIS,
            Math.round(Scenario.MAX_DURATION_MILLIS / 31_557_600_000.0));

    /** Virtual time added after the last action's end when durationMillis is not given. */
    static final double DEFAULT_DRAIN_MILLIS = 10_000;
    /** Default grid step of coverage.csv. */
    static final double DEFAULT_COVERAGE_STEP_MILLIS = 10;
    /** The smallest timeline sampling interval or coverage step that does not round to 0 µs. */
    static final double MIN_TIMELINE_SAMPLE_MILLIS = OutputSpec.MIN_MILLIS;
    /** The payload limit while the protocol section is wrong: the timeline is checked without it. */
    private static final int PAYLOAD_LIMIT_UNKNOWN = Integer.MAX_VALUE;

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Map<String, MembershipSpec.Type> MEMBERSHIP_TYPES = new LinkedHashMap<>();

    static {
        MEMBERSHIP_TYPES.put("scamp", MembershipSpec.Type.SCAMP);
        MEMBERSHIP_TYPES.put("global", MembershipSpec.Type.GLOBAL);
    }

    /** A global membership's failure detector: whether a crash removes the node from it. */
    private static final Map<String, Boolean> FAILURE_DETECTORS = new LinkedHashMap<>();

    static {
        FAILURE_DETECTORS.put("none", false);
        FAILURE_DETECTORS.put("perfect", true);
    }

    private final List<ScenarioException.Problem> problems = new ArrayList<>();

    private ScenarioBinder() {
    }

    /** The scenario; throws with every problem found. */
    static Scenario bind(YamlNode root) throws ScenarioException {
        return new ScenarioBinder().bindRoot(root);
    }

    private interface Step<T> {
        T get() throws ScenarioException;
    }

    /** Runs one independent section, recording its problems; null when it failed. */
    private <T> T section(Step<T> step) {
        try {
            return step.get();
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private Scenario bindRoot(YamlNode root) throws ScenarioException {
        Fields f = Fields.of(root, "", KEYS, problems, SECTION_KEYS);
        String name = section(() -> name(f));
        section(() -> f.has("description") ? Values.text(f.node("description"), "description") : null);
        Long seed = section(() -> {
            if (!f.has("seed")) {
                throw f.missing("seed", "an integer");
            }
            return f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        });
        Integer repetitions = section(() -> (int) f.integer("repetitions", 1, 1, 1_000_000));
        Integer nodes = section(() -> (int) f.integer("nodes", 1, Integer.MAX_VALUE));
        ProtocolConfig protocol = section(() -> ProtocolBinder.bind(f.node("protocol")));
        MembershipSpec membership = section(() -> membership(f.node("membership"), "membership", false));
        MembershipSpec baseline = section(() -> baseline(f, membership));
        NetworkSpec network = section(() -> NetworkBinder.bind(f.node("network")));
        // A mistake under protocol must not hide the timeline's (every problem in one run): the
        // timeline is then checked without the payload limit, which the protocol would give.
        int payloadLimit = protocol == null ? PAYLOAD_LIMIT_UNKNOWN : protocol.maxPayloadBytes();
        // Nor a missing or wrong node count: the timeline is then checked against any count (what
        // depends on it, node indices and join counts, left unchecked), and no duration is derived.
        int timelineNodes = nodes == null ? Integer.MAX_VALUE : nodes;
        List<TimelineAction> timeline = section(() -> TimelineBinder.bind(f.node("timeline"), f.location(),
                timelineNodes, payloadLimit));
        Double duration = timeline == null || nodes == null ? null : section(() -> duration(f, timeline));
        if (timeline != null && nodes != null) {
            section(() -> RunBounds.checkBroadcastsAtOnce(f.node("timeline"), timeline, nodes));
        }
        OutputSpec output = section(() -> output(f.node("output")));
        if (duration != null && output != null) {
            section(() -> RunBounds.checkTimelineSamples(f.node("output"), duration, output.timelineSampleMillis()));
        }
        LiveSpec live = section(() -> live(f.node("live")));
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return f.construct(() -> new Scenario(name, seed, repetitions, nodes, protocol, membership, baseline,
                network, timeline, duration, output, live));
    }

    private static String name(Fields f) throws ScenarioException {
        String name = f.text("name");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ScenarioException(f.node("name").location(), "name: expected letters, digits, '.', '_' "
                    + "or '-', not starting with '.' (it names the output folder), got '" + Values.echo(name) + "'");
        }
        if (name.startsWith(".")) {
            throw new ScenarioException(f.node("name").location(), "name: must not start with '.' (it names the "
                    + "output folder, which would be hidden), got '" + Values.echo(name) + "'");
        }
        if (name.length() > MAX_NAME_CHARACTERS) {
            throw new ScenarioException(f.node("name").location(), "name: at most " + MAX_NAME_CHARACTERS
                    + " characters (it names the output folder, and a file system takes no longer folder name), got "
                    + name.length());
        }
        return name;
    }

    /** {@code scamp}, {@code global}, or a mapping {@code {type, fanout}}. */
    private static MembershipSpec membership(YamlNode node, String path, boolean autoAllowed)
            throws ScenarioException {
        if (node == null) {
            return MembershipSpec.scamp();
        }
        if (node instanceof YamlNode.Scalar) {
            MembershipSpec.Type type = Values.choice(node, path, MEMBERSHIP_TYPES);
            if (type == MembershipSpec.Type.GLOBAL && !autoAllowed) {
                throw new ScenarioException(node.location(), path + ": global membership needs a fanout "
                        + "here; write {type: global, fanout: N}");
            }
            return new MembershipSpec(type, null);
        }
        Problems p = new Problems();
        Fields f = Fields.of(node, path, List.of("type", "fanout", "failureDetector"), p.list());
        MembershipSpec.Type type = p.check(() -> f.choice("type", MEMBERSHIP_TYPES));
        Integer fanout = p.check(() -> fanout(f, type, autoAllowed));
        Boolean knowsCrashes = p.check(() -> failureDetector(f, type));
        p.throwIfAny();
        return new MembershipSpec(type, fanout, knowsCrashes);
    }

    /** Whether a global membership learns of crashes: {@code none} (the default, the paper's) or {@code perfect}. */
    private static boolean failureDetector(Fields f, MembershipSpec.Type type) throws ScenarioException {
        if (!f.has("failureDetector")) {
            return false;
        }
        if (type == MembershipSpec.Type.SCAMP) {
            throw new ScenarioException(f.node("failureDetector").location(), f.qualified("failureDetector")
                    + ": only global membership has one (SCAMP's detection is its heartbeats: "
                    + "protocol.heartbeatPeriodMillis)");
        }
        return f.choice("failureDetector", FAILURE_DETECTORS);
    }

    /** The fanout of a membership mapping, null for none or auto; {@code type} is null when it was wrong. */
    private static Integer fanout(Fields f, MembershipSpec.Type type, boolean autoAllowed) throws ScenarioException {
        if (!f.has("fanout")) {
            if (type == MembershipSpec.Type.GLOBAL && !autoAllowed) {
                throw f.missing("fanout", "an integer >= 1");
            }
            return null;
        }
        YamlNode fanoutNode = f.node("fanout");
        if (type == MembershipSpec.Type.SCAMP) {
            throw new ScenarioException(fanoutNode.location(), f.qualified("fanout")
                    + ": only global membership has a fanout (SCAMP nodes gossip to their PartialView)");
        }
        boolean auto = fanoutNode instanceof YamlNode.Scalar s && Values.isWord(s, "auto");
        if (auto && !autoAllowed) {
            throw new ScenarioException(fanoutNode.location(), f.qualified("fanout") + ": 'auto' copies the "
                    + "mean PartialView of a SCAMP run, so it is only valid in baseline; give a number");
        }
        if (auto) {
            return null;
        }
        if (fanoutNode instanceof YamlNode.Scalar s && s.value() instanceof String) {
            throw Values.wrongType(fanoutNode, f.qualified("fanout"), "auto or an integer >= 1");
        }
        return (int) Values.integer(fanoutNode, f.qualified("fanout"), 1, Integer.MAX_VALUE);
    }

    private static MembershipSpec baseline(Fields f, MembershipSpec membership) throws ScenarioException {
        YamlNode node = f.node("baseline");
        if (node == null) {
            return null;
        }
        MembershipSpec baseline = membership(node, "baseline", true);
        if (baseline.type() != MembershipSpec.Type.GLOBAL) {
            throw new ScenarioException(node.location(), "baseline: must be global membership (the "
                    + "comparison run beside SCAMP), e.g. {type: global, fanout: auto}");
        }
        if (membership != null && membership.type() != MembershipSpec.Type.SCAMP) {
            throw new ScenarioException(f.keyLocation("baseline"), "baseline: needs membership type scamp "
                    + "to compare against");
        }
        return baseline;
    }

    /** durationMillis, or the end of the last action plus drainMillis; at most {@link Scenario#MAX_DURATION_MILLIS}. */
    private static double duration(Fields f, List<TimelineAction> timeline) throws ScenarioException {
        double lastStart = 0;
        double lastEnd = 0;
        int last = -1; // the action that ends last
        for (int i = 0; i < timeline.size(); i++) {
            TimelineAction action = timeline.get(i);
            lastStart = Math.max(lastStart, action.atMillis());
            double end = end(action);
            if (last < 0 || end > lastEnd) {
                lastEnd = end;
                last = i;
            }
        }
        double drain = f.number("drainMillis", DEFAULT_DRAIN_MILLIS, 0, INF);
        if (!f.has("durationMillis")) {
            double duration = lastEnd + drain;
            if (duration > Scenario.MAX_DURATION_MILLIS) {
                // The written drainMillis is to blame only when the actions alone fit.
                boolean drains = lastEnd <= Scenario.MAX_DURATION_MILLIS && f.has("drainMillis");
                throw new ScenarioException(drains ? f.node("drainMillis").location() : actionLocation(f, last),
                        (drains ? "drainMillis" : "timeline." + last) + ": the run would last until "
                        + duration + " ms (" + (drains ? "the last action's end plus drainMillis" : "this action's "
                        + "end plus drainMillis") + "), beyond the " + TOO_LONG);
            }
            return duration > 0 ? duration : DEFAULT_DRAIN_MILLIS;
        }
        double duration = f.number("durationMillis", Values.POSITIVE, Scenario.MAX_DURATION_MILLIS);
        if (duration <= lastStart) {
            throw new ScenarioException(f.node("durationMillis").location(), "durationMillis: the run would "
                    + "stop at " + duration + " ms, before the timeline's last action at " + lastStart
                    + " ms; remove durationMillis to use the end of the last action plus drainMillis");
        }
        return duration;
    }

    /** Where timeline action {@code index} (0-based) is written, or the timeline's key if not found. */
    private static Location actionLocation(Fields f, int index) {
        if (f.node("timeline") instanceof YamlNode.Sequence actions && index >= 0 && index < actions.items().size()) {
            return actions.items().get(index).location();
        }
        return f.keyLocation("timeline");
    }

    /** When an action's own activity ends. */
    static double end(TimelineAction action) {
        if (action instanceof TimelineAction.Join join) {
            return join.atMillis() + join.overMillis();
        }
        if (action instanceof TimelineAction.Broadcast broadcast) {
            return broadcast.atMillis() + (broadcast.count() - 1) * broadcast.intervalMillis();
        }
        if (action instanceof TimelineAction.Partition partition) {
            return partition.untilMillis();
        }
        if (action instanceof TimelineAction.Churn churn) {
            return churn.untilMillis();
        }
        return action.atMillis();
    }

    private static OutputSpec output(YamlNode node) throws ScenarioException {
        if (node == null) {
            return new OutputSpec(0, DEFAULT_COVERAGE_STEP_MILLIS);
        }
        Problems p = new Problems();
        Fields f = Fields.of(node, "output", OUTPUT_KEYS, p.list());
        Double sample = p.check(() -> timelineSample(f));
        Double step = p.check(() -> coverageStep(f));
        p.throwIfAny();
        return f.construct(() -> new OutputSpec(sample, step));
    }

    private static double timelineSample(Fields f) throws ScenarioException {
        double sample = f.number("timelineSampleMillis", 0, 0, INF);
        // The engine samples on the microsecond clock, rounding the interval; one that rounds to
        // 0 µs would silently mean "no timeline".
        if (sample > 0 && OutputSpec.roundsToNoMicros(sample)) {
            YamlNode written = f.node("timelineSampleMillis");
            throw new ScenarioException(written.location(), "output.timelineSampleMillis: must be 0 (no "
                    + "timeline) or at least " + Values.plain(MIN_TIMELINE_SAMPLE_MILLIS)
                    + " (the clock counts whole microseconds), got " + Values.plain(sample));
        }
        return sample;
    }

    private static double coverageStep(Fields f) throws ScenarioException {
        double step = f.number("coverageStepMillis", DEFAULT_COVERAGE_STEP_MILLIS, Values.POSITIVE, INF);
        // The grid is laid on the microsecond clock: a step that rounds to 0 µs has no grid.
        if (OutputSpec.roundsToNoMicros(step)) {
            YamlNode written = f.node("coverageStepMillis");
            throw new ScenarioException(written.location(), "output.coverageStepMillis: must be at least "
                    + Values.plain(MIN_TIMELINE_SAMPLE_MILLIS) + " (the clock counts whole microseconds), got "
                    + Values.plain(step));
        }
        return step;
    }

    private static LiveSpec live(YamlNode node) throws ScenarioException {
        if (node == null) {
            return LiveSpec.defaults();
        }
        Problems p = new Problems();
        Fields f = Fields.of(node, "live", List.of("timeScale", "loopThreads", "receiveBufferBytes"), p.list());
        Double timeScale = p.check(() -> f.number("timeScale", LiveSpec.DEFAULT_TIME_SCALE, LiveSpec.MIN_TIME_SCALE,
                1));
        Long loopThreads = p.check(() -> f.integer("loopThreads", LiveSpec.DEFAULT_LOOP_THREADS, 1,
                LiveSpec.MAX_LOOP_THREADS));
        Long receiveBuffer = p.check(() -> receiveBuffer(f));
        p.throwIfAny();
        double scale = timeScale;
        int loops = loopThreads.intValue();
        int buffer = receiveBuffer.intValue();
        return f.construct(() -> new LiveSpec(scale, loops, buffer));
    }

    /**
     * {@code live.receiveBufferBytes}: 0 (the system's) or the transport's range. Checked here with
     * the section's other keys, not left to LiveSpec, whose refusal came alone once the others were right.
     */
    private static long receiveBuffer(Fields f) throws ScenarioException {
        long bytes = f.integer("receiveBufferBytes", 0, 0, LiveSpec.MAX_RECEIVE_BUFFER_BYTES);
        if (bytes != 0 && bytes < LiveSpec.MIN_RECEIVE_BUFFER_BYTES) {
            throw new ScenarioException(f.node("receiveBufferBytes").location(), "live.receiveBufferBytes: must be 0"
                    + " (the system's) or an integer in [" + LiveSpec.MIN_RECEIVE_BUFFER_BYTES + ", "
                    + LiveSpec.MAX_RECEIVE_BUFFER_BYTES + "], got " + bytes);
        }
        return bytes;
    }
}
