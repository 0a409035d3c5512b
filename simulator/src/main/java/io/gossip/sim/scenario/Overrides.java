package io.gossip.sim.scenario;

import java.util.List;

/**
 * Sets a value in a scenario tree by its dotted path ({@code nodes}, {@code network.loss},
 * {@code timeline.1.fraction}: list entries by 0-based index), before binding. Used by
 * {@code --set key=value} and by sweeps. Missing mappings on the way are created, so a path the
 * schema does not know is refused later by the binder, with a "did you mean" suggestion, at the
 * override's location.
 */
final class Overrides {
    private Overrides() {
    }

    /**
     * Parses {@code key=value} and applies it to {@code root}.
     *
     * @param assignment the text after {@code --set}
     */
    static void applySet(YamlNode.Mapping root, String assignment) throws ScenarioException {
        String origin = "--set " + assignment;
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new ScenarioException(Location.override(origin),
                    "expected key=value, e.g. --set nodes=5000 or --set network.loss=0.2");
        }
        String path = path(assignment);
        YamlNode value = YamlTreeReader.readOverrideValue(assignment.substring(equals + 1), origin);
        set(root, path, value, Location.override(origin));
    }

    /** The dotted key path of a {@code key=value} assignment (all of it when there is no '='). */
    static String path(String assignment) {
        int equals = assignment.indexOf('=');
        return (equals < 0 ? assignment : assignment.substring(0, equals)).trim();
    }

    /**
     * Sets {@code path} in {@code root} to {@code value}.
     *
     * @param origin where the path was written, for errors and for keys this creates
     */
    static void set(YamlNode.Mapping root, String path, YamlNode value, Location origin)
            throws ScenarioException {
        List<String> segments = List.of(path.split("\\.", -1));
        if (path.isBlank() || segments.stream().anyMatch(String::isBlank)) {
            throw new ScenarioException(origin, "'" + path + "' is not a dotted key path such as "
                    + "nodes, protocol.c, network.loss or timeline.1.fraction");
        }
        YamlNode current = root;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String soFar = String.join(".", segments.subList(0, i));
            boolean last = i == segments.size() - 1;
            if (current instanceof YamlNode.Mapping mapping) {
                if (last) {
                    YamlNode.Entry existing = mapping.entries().get(segment);
                    mapping.put(segment, existing == null ? origin : existing.keyLocation(), value);
                    return;
                }
                YamlNode child = mapping.get(segment);
                if (child == null || child instanceof YamlNode.Scalar s && s.value() == null) {
                    child = new YamlNode.Mapping(origin);
                    mapping.put(segment, origin, child);
                }
                current = child;
            } else if (current instanceof YamlNode.Sequence sequence) {
                int index = index(segment, sequence.items().size(), soFar, origin);
                if (last) {
                    sequence.items().set(index, value);
                    return;
                }
                current = sequence.items().get(index);
            } else {
                throw new ScenarioException(origin, "cannot set '" + path + "': '" + soFar + "' is "
                        + current.describe() + ", not a mapping; set '" + soFar + "' itself instead");
            }
        }
    }

    private static int index(String segment, int size, String listPath, Location origin)
            throws ScenarioException {
        String expected = size == 0 ? "it is empty" : "expected an index 0.." + (size - 1);
        try {
            int index = Integer.parseInt(segment);
            if (index >= 0 && index < size) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScenarioException(origin, "'" + listPath + "' is a list of " + size + " entries; "
                + expected + ", got '" + segment + "'");
    }
}
