package io.gossip.sim.scenario;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Schema-aware access to one YAML mapping: it knows the mapping's valid keys (an unknown key is
 * refused with a "did you mean" suggestion), reads each value with its type and range checked, and
 * treats a missing or null key as "use the default". Errors name the full dotted key.
 */
final class Fields {
    private final YamlNode.Mapping mapping;
    private final String path;

    private Fields(YamlNode.Mapping mapping, String path) {
        this.mapping = mapping;
        this.path = path;
    }

    /**
     * Wraps {@code node}, which must be a mapping, adding each key not in {@code keys} to
     * {@code problems} (every unknown key of the mapping, with a suggestion) instead of throwing,
     * so that the caller goes on checking the known keys.
     *
     * @param path dotted path of the mapping ("" for the root), for messages
     */
    static Fields of(YamlNode node, String path, List<String> keys, List<ScenarioException.Problem> problems)
            throws ScenarioException {
        return of(node, path, keys, problems, Map.of());
    }

    /**
     * As {@link #of(YamlNode, String, List, List)}; an unknown key found in {@code homes} (key to
     * the section it belongs to) is said to belong there, the likely slip being its indentation.
     */
    static Fields of(YamlNode node, String path, List<String> keys, List<ScenarioException.Problem> problems,
            Map<String, String> homes) throws ScenarioException {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw Values.wrongType(node, path.isEmpty() ? "scenario" : path,
                    "a mapping with keys " + String.join(", ", keys));
        }
        for (Map.Entry<String, YamlNode.Entry> entry : mapping.entries().entrySet()) {
            String key = entry.getKey();
            if (!keys.contains(key)) {
                String where = path.isEmpty() ? "at the top level" : "in " + path;
                String home = homes.get(key);
                String hint = home != null ? " It is a key of " + home + ": indent it under '" + home + ":'."
                        : Suggestions.didYouMean(key, keys);
                problems.add(new ScenarioException.Problem(entry.getValue().keyLocation(),
                        "unknown key '" + Values.echo(key) + "' " + where + "." + hint + " Valid keys: "
                                + String.join(", ", keys)));
            }
        }
        return new Fields(mapping, path);
    }

    /** The dotted path of {@code key}. */
    String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The dotted path of the mapping itself ("" for the root). */
    String path() {
        return path;
    }

    /** Where the mapping starts. */
    Location location() {
        return mapping.location();
    }

    /** Whether {@code key} is present with a non-null value. */
    boolean has(String key) {
        YamlNode node = mapping.get(key);
        return node != null && !(node instanceof YamlNode.Scalar s && s.value() == null);
    }

    /** The node under {@code key}, or null when absent or null. */
    YamlNode node(String key) {
        return has(key) ? mapping.get(key) : null;
    }

    /** Where {@code key} is written, or the mapping's location when it is absent. */
    Location keyLocation(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping.location() : entry.keyLocation();
    }

    /**
     * The error for a required key that is missing, or written with no value ({@code name:} in the
     * file, {@code --set name=}): the latter is reported where the empty value was written.
     */
    ScenarioException missing(String key, String expected) {
        YamlNode.Entry written = mapping.entries().get(key);
        if (written != null) {
            // An override's empty value is located at the --set (line 0); a file's at its key.
            Location at = written.value().location().line() == 0 ? written.value().location()
                    : written.keyLocation();
            return new ScenarioException(at, qualified(key) + ": expected " + expected + ", got an empty value");
        }
        String where = path.isEmpty() ? "" : " in " + path;
        return new ScenarioException(mapping.location(), "missing required key '" + key + "'" + where
                + " (" + expected + ")");
    }

    /** A required integer. */
    long integer(String key, long min, long max) throws ScenarioException {
        if (!has(key)) {
            throw missing(key, Values.describeInteger(min, max));
        }
        return Values.integer(node(key), qualified(key), min, max);
    }

    /** An optional integer. */
    long integer(String key, long fallback, long min, long max) throws ScenarioException {
        return integer(key, fallback, min, max, null);
    }

    /**
     * An optional integer whose refusal above {@code max} says why
     * ({@link Values#integer(YamlNode, String, long, long, String)}).
     */
    long integer(String key, long fallback, long min, long max, String whyAtMost) throws ScenarioException {
        return has(key) ? Values.integer(node(key), qualified(key), min, max, whyAtMost) : fallback;
    }

    /** A required number. */
    double number(String key, double min, double max) throws ScenarioException {
        if (!has(key)) {
            throw missing(key, "a number " + Values.range(min, max));
        }
        return Values.number(node(key), qualified(key), min, max);
    }

    /** An optional number. */
    double number(String key, double fallback, double min, double max) throws ScenarioException {
        return has(key) ? Values.number(node(key), qualified(key), min, max) : fallback;
    }

    /** An optional boolean. */
    boolean bool(String key, boolean fallback) throws ScenarioException {
        return has(key) ? Values.bool(node(key), qualified(key)) : fallback;
    }

    /** A required text. */
    String text(String key) throws ScenarioException {
        if (!has(key)) {
            throw missing(key, "a text");
        }
        return Values.text(node(key), qualified(key));
    }

    /** A required word from {@code options}. */
    <T> T choice(String key, Map<String, T> options) throws ScenarioException {
        if (!has(key)) {
            throw missing(key, "one of: " + String.join(", ", options.keySet()));
        }
        return Values.choice(node(key), qualified(key), options);
    }

    /** An optional word from {@code options}. */
    <T> T choice(String key, Map<String, T> options, T fallback) throws ScenarioException {
        return has(key) ? Values.choice(node(key), qualified(key), options) : fallback;
    }

    /**
     * Runs a record constructor, re-reporting its IllegalArgumentException at the key it names (the
     * last dotted word of the message's first word, when that key is written here) or else at the
     * mapping.
     */
    <T> T construct(Supplier<T> constructor) throws ScenarioException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String firstWord = message.split("[\\s,(]", 2)[0];
            String key = firstWord.substring(firstWord.lastIndexOf('.') + 1);
            Location at = mapping.entries().containsKey(key) ? node(key) != null
                    ? node(key).location() : keyLocation(key) : mapping.location();
            String prefix = path.isEmpty() ? "" : path + ": ";
            throw new ScenarioException(at, prefix + message);
        }
    }
}
