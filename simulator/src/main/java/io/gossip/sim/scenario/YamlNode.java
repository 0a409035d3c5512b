package io.gossip.sim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree in which every node remembers its {@link Location}. The scenario
 * binder reads this tree instead of letting a data binder fill objects silently, so every error can
 * name the line and column of the offending text. Mappings and sequences are mutable only so that
 * {@code --set} overrides and sweep values can be applied; {@link #copy()} makes independent trees.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** Where the node starts. */
    Location location();

    /** A deep copy. */
    YamlNode copy();

    /** What the node is, for error messages: "a number", "a mapping", ... */
    String describe();

    /**
     * A scalar: {@code value} is a Long, Double, Boolean, String, or null for YAML null.
     *
     * @param value the typed value the YAML parser inferred (quoted text stays a String)
     * @param location where the scalar starts
     */
    record Scalar(Object value, Location location) implements YamlNode {
        @Override
        public YamlNode copy() {
            return this;
        }

        @Override
        public String describe() {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                return "the text '" + Values.echo(s) + "'";
            }
            if (value instanceof Boolean b) {
                return "the boolean " + b;
            }
            return "the number " + (value instanceof Double d ? Values.plain(d) : Values.echo(text()));
        }

        /** The value as written (numbers without a trailing ".0" when integral longs). */
        public String text() {
            return String.valueOf(value);
        }
    }

    /** A mapping from keys to nodes, in document order, with each key's own location. */
    final class Mapping implements YamlNode {
        private final Location location;
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        /** An empty mapping starting at {@code location}. */
        public Mapping(Location location) {
            this.location = location;
        }

        @Override
        public Location location() {
            return location;
        }

        /** The entries in document order. */
        public Map<String, Entry> entries() {
            return entries;
        }

        /** The value under {@code key}, or null. */
        public YamlNode get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? null : entry.value();
        }

        /** Puts or replaces {@code key}; a replaced key keeps its position. */
        public void put(String key, Location keyLocation, YamlNode value) {
            entries.put(key, new Entry(keyLocation, value));
        }

        /** Removes {@code key} if present. */
        public void remove(String key) {
            entries.remove(key);
        }

        @Override
        public Mapping copy() {
            Mapping copy = new Mapping(location);
            entries.forEach((key, entry) -> copy.put(key, entry.keyLocation(), entry.value().copy()));
            return copy;
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /**
     * One key of a mapping.
     *
     * @param keyLocation where the key is written
     * @param value its value
     */
    record Entry(Location keyLocation, YamlNode value) {
    }

    /** A sequence of nodes. */
    final class Sequence implements YamlNode {
        private final Location location;
        private final List<YamlNode> items = new ArrayList<>();

        /** An empty sequence starting at {@code location}. */
        public Sequence(Location location) {
            this.location = location;
        }

        @Override
        public Location location() {
            return location;
        }

        /** The items, mutable. */
        public List<YamlNode> items() {
            return items;
        }

        @Override
        public Sequence copy() {
            Sequence copy = new Sequence(location);
            items.forEach(item -> copy.items.add(item.copy()));
            return copy;
        }

        @Override
        public String describe() {
            int n = items.size();
            return n == 0 ? "an empty list" : "a list of " + n + (n == 1 ? " entry" : " entries");
        }
    }
}
