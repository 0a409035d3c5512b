package io.gossip.sim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the {@code timeline} list. Each entry is a mapping with an {@code action} word and that
 * action's keys; times are plain numbers of virtual milliseconds in keys ending in {@code Millis}.
 * Entries must be in time order and there must be at least one {@code join}.
 */
final class TimelineBinder {
    private static final double INF = Double.POSITIVE_INFINITY;
    static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("join", List.of("action", "atMillis", "count", "overMillis", "intervalMillis", "contacts"));
        KEYS.put("broadcast", List.of("action", "atMillis", "count", "intervalMillis", "source", "payloadBytes"));
        KEYS.put("crash", List.of("action", "atMillis", "fraction", "nodes"));
        KEYS.put("unsubscribe", List.of("action", "atMillis", "fraction", "nodes"));
        KEYS.put("partition", List.of("action", "atMillis", "untilMillis", "fractions"));
        KEYS.put("churn", List.of("action", "atMillis", "untilMillis", "joinsPerSecond", "leavesPerSecond",
                "crash"));
    }

    /** Default payload of a broadcast, in bytes. */
    static final int DEFAULT_PAYLOAD_BYTES = 64;
    /**
     * The largest payload: each broadcast's is one byte array, and the JVM refuses arrays longer than
     * about Integer.MAX_VALUE - 8 whatever the heap ("Requested array size exceeds VM limit").
     */
    static final int MAX_PAYLOAD_BYTES = Integer.MAX_VALUE - 8;

    private final int nodes;
    private final int maxPayloadBytes;
    /** Slots taken by the joins bound so far; -1 once a churn makes it known only at run time. */
    private long usedSlots;

    private TimelineBinder(int nodes, int maxPayloadBytes) {
        this.nodes = nodes;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** The actions of the timeline, in order; every problem of every entry is reported. */
    static List<TimelineAction> bind(YamlNode node, Location scenarioAt, int nodes, int maxPayloadBytes)
            throws ScenarioException {
        if (node == null) {
            throw new ScenarioException(scenarioAt, "missing required key 'timeline' (a list of actions: "
                    + String.join(", ", KEYS.keySet()) + ")");
        }
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            throw Values.wrongType(node, "timeline", "a non-empty list of actions ("
                    + String.join(", ", KEYS.keySet()) + ")");
        }
        TimelineBinder binder = new TimelineBinder(nodes, maxPayloadBytes);
        List<TimelineAction> actions = new ArrayList<>();
        List<ScenarioException.Problem> problems = new ArrayList<>();
        long explicitJoins = 0;
        long broadcasts = 0;
        boolean anyJoin = false;
        // Why every slot is taken from some join on (count: all, or explicit counts adding up to
        // nodes): slots are never used twice, so no later join or churn join can have one. Null
        // while slots are left.
        String slotsTaken = null;
        String remedy = null;
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            try {
                TimelineAction action = binder.action(item, "timeline." + i);
                if (!actions.isEmpty() && action.atMillis() < actions.get(actions.size() - 1).atMillis()) {
                    throw new ScenarioException(item.location(), "timeline." + i + ": actions must be in time "
                            + "order; atMillis " + action.atMillis() + " is before the previous action's "
                            + actions.get(actions.size() - 1).atMillis());
                }
                if (slotsTaken != null) {
                    refuseJoinsWithoutSlots(action, (YamlNode.Mapping) item, i, slotsTaken, remedy);
                }
                if (action instanceof TimelineAction.Churn churn) {
                    binder.usedSlots = -1;
                    RunBounds.checkChurnLeaves(churn, (YamlNode.Mapping) item, "timeline." + i);
                }
                if (action instanceof TimelineAction.Broadcast broadcast) {
                    long before = broadcasts;
                    broadcasts += broadcast.count();
                    if (before <= RunBounds.MAX_BROADCASTS_PER_RUN) { // said once, by the action that crosses it
                        RunBounds.checkBroadcasts(broadcasts, (YamlNode.Mapping) item, "timeline." + i);
                    }
                }
                if (action instanceof TimelineAction.Join join) {
                    anyJoin = true;
                    if (binder.usedSlots >= 0) {
                        binder.usedSlots = Math.min(nodes, binder.usedSlots
                                + (join.count() < 0 ? nodes - binder.usedSlots : join.count()));
                    }
                    explicitJoins += Math.max(join.count(), 0);
                    if (explicitJoins > nodes) {
                        throw new ScenarioException(((YamlNode.Mapping) item).get("count").location(),
                                "timeline." + i + ".count: joins add up to " + explicitJoins
                                        + " nodes, more than nodes = " + nodes);
                    }
                    if (join.count() < 0) {
                        slotsTaken = "timeline." + i + " joins with count: all, which takes every node slot left";
                        remedy = "give timeline." + i + " a count (and raise nodes if they do not fit)";
                    } else if (explicitJoins == nodes) {
                        slotsTaken = "the joins up to timeline." + i + " take all " + nodes + " node slots";
                        remedy = "raise nodes";
                    }
                }
                actions.add(action);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (problems.isEmpty() && !anyJoin) {
            problems.add(new ScenarioException.Problem(node.location(),
                    "timeline: needs at least one join action, or no node ever exists"));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return actions;
    }

    /**
     * Refuses a join, or a churn with joins, once every slot is taken ({@code slotsTaken} says by
     * which joins): a slot is never used twice (nodes that crash or leave do not free theirs), so
     * this action would join nobody, silently, or take the slots of an earlier join still under way,
     * which would then join fewer than it says. {@code remedy} says what to change.
     */
    private static void refuseJoinsWithoutSlots(TimelineAction action, YamlNode.Mapping item, int i,
            String slotsTaken, String remedy) throws ScenarioException {
        String why = slotsTaken + ", and a slot is never used twice (nodes that crash or leave keep theirs): ";
        String outcome = " would find no slot left, or take one an earlier join still under way needs; " + remedy;
        if (action instanceof TimelineAction.Join) {
            YamlNode count = item.get("count");
            throw new ScenarioException(count == null ? item.location() : count.location(), "timeline." + i
                    + ": " + why + "this join" + outcome);
        }
        if (action instanceof TimelineAction.Churn churn && churn.joinsPerSecond() > 0) {
            throw new ScenarioException(item.get("joinsPerSecond").location(), "timeline." + i + ".joinsPerSecond: "
                    + why + "this churn's joins" + outcome + ", or set joinsPerSecond: 0");
        }
    }

    private TimelineAction action(YamlNode node, String path) throws ScenarioException {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw Values.wrongType(node, path, "a mapping with an action ("
                    + String.join(", ", KEYS.keySet()) + ")");
        }
        YamlNode actionNode = mapping.get("action");
        if (actionNode == null) {
            throw new ScenarioException(mapping.location(), "missing required key 'action' in " + path
                    + " (one of: " + String.join(", ", KEYS.keySet()) + ")");
        }
        Map<String, String> words = new LinkedHashMap<>();
        KEYS.keySet().forEach(k -> words.put(k, k));
        String action = Values.choice(actionNode, path + ".action", words);
        // Every unknown key and every wrong value of the entry is reported, not only the first.
        Problems p = new Problems();
        Fields f = Fields.of(node, path, KEYS.get(action), p.list());
        Double at = p.check(() -> f.number("atMillis", 0, INF));
        switch (action) {
            case "join": {
                Integer count = p.check(() -> count(f));
                // A wrong count is left out of overMillis (checked as for a fixed count), so that
                // overMillis and intervalMillis are still checked.
                Double over = p.check(() -> over(f, count == null ? 0 : count));
                TimelineAction.Join.Contacts contacts = p.check(() -> f.choice("contacts",
                        Map.of("uniform", TimelineAction.Join.Contacts.UNIFORM,
                                "single", TimelineAction.Join.Contacts.SINGLE), TimelineAction.Join.Contacts.UNIFORM));
                p.throwIfAny();
                return new TimelineAction.Join(at, count, over, contacts);
            }
            case "broadcast": {
                Long count = p.check(() -> f.integer("count", 1, 1, Integer.MAX_VALUE));
                Double interval = p.check(() -> f.number("intervalMillis", 1000, 0, INF));
                Integer source = p.check(() -> source(f));
                Long payload = p.check(() -> payload(f));
                p.throwIfAny();
                return new TimelineAction.Broadcast(at, count.intValue(), interval, source, payload.intValue());
            }
            case "crash":
            case "unsubscribe": {
                TimelineAction.NodeSelection selection = p.check(() -> selection(f));
                p.throwIfAny();
                return action.equals("crash") ? new TimelineAction.Crash(at, selection)
                        : new TimelineAction.Unsubscribe(at, selection);
            }
            case "partition": {
                Double until = p.check(() -> until(f, at));
                List<Double> fractions = p.check(() -> fractions(f));
                p.throwIfAny();
                return new TimelineAction.Partition(at, until, fractions);
            }
            default: {
                Double until = p.check(() -> until(f, at));
                Double joins = p.check(() -> f.number("joinsPerSecond", 0, 0, INF));
                Double leaves = p.check(() -> f.number("leavesPerSecond", 0, 0, INF));
                Boolean crash = p.check(() -> f.bool("crash", false));
                p.throwIfAny();
                return new TimelineAction.Churn(at, until, joins, leaves, crash);
            }
        }
    }

    /** {@code all} (every unused slot, -1) or a positive count. */
    private int count(Fields f) throws ScenarioException {
        YamlNode node = f.node("count");
        if (node == null || node instanceof YamlNode.Scalar s && Values.isWord(s, "all")) {
            return -1;
        }
        if (node instanceof YamlNode.Scalar s && s.value() instanceof String) {
            throw Values.wrongType(node, f.qualified("count"), "all or an integer in [1, " + nodes + "]");
        }
        return (int) Values.integer(node, f.qualified("count"), 1, nodes);
    }

    /**
     * A join's {@code overMillis}: given, or {@code intervalMillis} (the spacing of two joins) times
     * the number of joining nodes, which for {@code count: all} is the slots the earlier joins left.
     */
    private double over(Fields f, int count) throws ScenarioException {
        if (!f.has("intervalMillis")) {
            return f.number("overMillis", 0, 0, INF);
        }
        if (f.has("overMillis")) {
            throw new ScenarioException(f.node("intervalMillis").location(), f.path()
                    + ": give either overMillis (the whole join's length) or intervalMillis (between two joins)");
        }
        double interval = f.number("intervalMillis", 0, INF);
        if (count >= 0) {
            return count * interval;
        }
        if (usedSlots < 0) {
            throw new ScenarioException(f.node("intervalMillis").location(), f.path() + ".intervalMillis: "
                    + "after a churn, 'count: all' is known only at run time; give count or overMillis");
        }
        return (nodes - usedSlots) * interval;
    }

    /** A broadcast's {@code payloadBytes}: up to the protocol's maximum and to what one array holds. */
    private long payload(Fields f) throws ScenarioException {
        long payload = f.integer("payloadBytes", Math.min(DEFAULT_PAYLOAD_BYTES, maxPayloadBytes), 0, maxPayloadBytes);
        if (payload > MAX_PAYLOAD_BYTES) {
            throw new ScenarioException(f.node("payloadBytes").location(), f.qualified("payloadBytes")
                    + ": must be at most " + MAX_PAYLOAD_BYTES + " bytes (a payload is held in one Java array), got "
                    + payload);
        }
        return payload;
    }

    /** {@code random} (-1) or a node index. */
    private int source(Fields f) throws ScenarioException {
        YamlNode node = f.node("source");
        if (node == null || node instanceof YamlNode.Scalar s && Values.isWord(s, "random")) {
            return -1;
        }
        if (node instanceof YamlNode.Scalar s && s.value() instanceof String) {
            throw Values.wrongType(node, f.qualified("source"), "random or a node index in [0, " + (nodes - 1) + "]");
        }
        return (int) Values.integer(node, f.qualified("source"), 0, nodes - 1);
    }

    /** {@code untilMillis}, after {@code at}; only its own value is checked when {@code at} was wrong (null). */
    private double until(Fields f, Double at) throws ScenarioException {
        if (!f.has("untilMillis")) {
            throw f.missing("untilMillis", at == null ? "a number after atMillis" : "a number after atMillis ("
                    + at + ")");
        }
        double until = f.number("untilMillis", 0, INF);
        if (at != null && !(until > at)) {
            throw new ScenarioException(f.node("untilMillis").location(), f.qualified("untilMillis")
                    + ": must be after atMillis (" + at + "), got " + until);
        }
        return until;
    }

    private TimelineAction.NodeSelection selection(Fields f) throws ScenarioException {
        if (f.has("fraction") == f.has("nodes")) {
            throw new ScenarioException(f.location(), f.path()
                    + ": give exactly one of 'fraction' (a number in [0, 1]) or 'nodes' (a list of node indices)");
        }
        if (f.has("fraction")) {
            return new TimelineAction.NodeSelection(f.number("fraction", 0, 1), null);
        }
        List<Integer> indices = new ArrayList<>();
        Problems p = new Problems(); // every wrong index, not only the first
        for (YamlNode item : list(f, "nodes", "a list of node indices in [0, " + (nodes - 1) + "]")) {
            Long index = p.check(() -> Values.integer(item, f.qualified("nodes"), 0, nodes - 1));
            if (index != null) {
                indices.add(index.intValue());
            }
        }
        p.throwIfAny();
        return new TimelineAction.NodeSelection(null, indices);
    }

    private List<Double> fractions(Fields f) throws ScenarioException {
        if (!f.has("fractions")) {
            return List.of(0.5, 0.5);
        }
        List<YamlNode> items = list(f, "fractions", "a list of at least 2 numbers > 0");
        if (items.size() < 2) {
            throw Values.wrongType(f.node("fractions"), f.qualified("fractions"), "a list of at least 2 numbers > 0");
        }
        List<Double> fractions = new ArrayList<>();
        Problems p = new Problems(); // every wrong fraction, not only the first
        for (YamlNode item : items) {
            Double fraction = p.check(() -> Values.number(item, f.qualified("fractions"), Values.POSITIVE, INF));
            if (fraction != null) {
                fractions.add(fraction);
            }
        }
        p.throwIfAny();
        return fractions;
    }

    private static List<YamlNode> list(Fields f, String key, String expected) throws ScenarioException {
        YamlNode node = f.node(key);
        if (!(node instanceof YamlNode.Sequence sequence)) {
            throw Values.wrongType(node, f.qualified(key), expected);
        }
        return sequence.items();
    }
}
