package io.gossip.sim.scenario;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates the text of a scenario file the way people and tools break them: a line deleted,
 * duplicated or swapped, a value replaced with another type or an extreme number, a key renamed or
 * misspelled, indentation changed, tabs, control characters and bytes that are not UTF-8 inserted,
 * YAML anchors, aliases, tags and document markers added, the file cut short. Every choice comes
 * from the generator given, so a seed gives the same mutant; {@link Mutant#steps} says what was done.
 */
final class ScenarioMutator {
    /** Every key the scenario format knows, for renames to a real key of another section. */
    static final List<String> KNOWN_KEYS = knownKeys();

    /** Values as YAML text: other types, boundaries of every range, YAML's odd spellings. */
    private static final List<String> VALUES = List.of(
            "0", "-0", "1", "-1", "2", "3", "0.5", "-0.5", "0.0", "1.0", "10", "100", "1000",
            "1e308", "-1e308", "1e309", "4.9e-324", "1e-320", "1e-7", "0.0004", "0.0005", "0.00049",
            "1e12", "999999999999.9999", "1000000000001", "1e15", "1000000000000001", "1e16", "9.3e15",
            "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e19",
            "99999999999999999999999999", "1_000", "1__0", "0x7FFFFFFF", "0xFFFFFFFFFFFFFFFF", "0x", "0o777",
            "0b1010", "017", "08", "+5", ".5", "5.", "1e", "12:30:00", "1,000",
            ".nan", ".NaN", ".inf", "-.inf", "+.inf", "!!float .nan", "!!int 0x", "!!int x", "!!float x",
            "abc", "''", "\"\"", "' '", "all", "ALL", "random", "auto", "scamp", "global", "uniform", "single",
            "none", "perfect", "join", "crash", "constant", "lognormal", "gilbert-elliott", "independent",
            "true", "false", "yes", "no", "on", "off", "~", "null", "Null", "NULL", "é", "日本", "\uD83D\uDE00",
            "\"\\u0000\"", "\"\\uD800\"", "\"a,b\"", "\"line\\nbreak\"", "\"\\t\"", "'.hidden'", "'a/b'", "..",
            "!!str 5", "!!binary aGVsbG8=", "!!set {a}", "!!omap [a: 1]", "!!timestamp 2001-12-14", "!foo bar",
            "!!null x", "!!bool yes", "!!map {}", "!!seq []", "&anchor 5", "*anchor", "2001-12-14", "? a",
            "[]", "{}", "[1, 2]", "[[]]", "[0]", "[1]", "[0, 1]", "[-1]", "[0.5, 0.5]", "[1, 1, 1]", "[0, 0]",
            "[.inf, 1]", "[1e308, 1e308]", "[4.9e-324, 1]", "{a: 1}", "[null]", "[1, [2, {a: b}]]",
            "{type: constant, millis: 5}", "{type: global, fanout: auto}", "{type: global, fanout: 1}",
            "{type: independent, probability: 1}", "{a: 1, a: 2}", "[", "{", "]", "}", "\"", "'", "#", "-", ":",
            "|", ">", "- 1", "a: b", "");

    /** Characters YAML refuses, breaks lines with, or treats specially. */
    private static final List<String> ODD_CHARACTERS = List.of("\t", "\u0000", "\u0001", "\u0007", "\u001b",
            "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\r", "\r\n",
            "\n", " ", "#", ":", "- ", "&", "*", "!", "%", "@", "`", "|", ">", "'", "\"", "{", "}", "[", "]",
            ",", "?", "\\", "\uD800", "\uDC00");

    /** Document markers, directives and alias structures inserted as lines. */
    private static final List<String> ODD_LINES = List.of("---", "...", "--- !!map", "%YAML 1.2", "%YAML 1.1",
            "%TAG ! tag:example.com,2000:", "--- |", "x: &a 1", "y: *a", "<<: *a", "? complex", ": value",
            "&a", "*a", "- item", "  - item", "!!map", "#comment", "", "  ", "\t", "key", "key:", "'quoted': 1",
            "\"nodes\": 5", "nodes: 5", "Nodes: 5", "name: other", "timeline: []", "protocol: {c: 1000000000}",
            "network: {latency: 1e12}", "durationMillis: 1", "drainMillis: 0", "repetitions: 1000000",
            "sweep: {parameter: nodes, values: [1, 2]}", "sweep: {parameter: seed, values: [1, 1]}",
            "output: {timelineSampleMillis: 0.0005, coverageStepMillis: 0.0005}");

    private final SplittableRandom random;
    private final List<String> steps = new ArrayList<>();

    private ScenarioMutator(SplittableRandom random) {
        this.random = random;
    }

    /** A mutant and how it was made. */
    record Mutant(byte[] bytes, List<String> steps) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String describe() {
            String text = text();
            String shown = text.length() > 4000 ? text.substring(0, 4000) + "... (" + text.length() + " chars)" : text;
            return "mutations: " + steps + "\n--- mutant ---\n" + shown + "\n--- end ---";
        }
    }

    /**
     * {@code text} with 1 to {@code maxSteps} of its values replaced by numbers near the ends of
     * ranges (0, 1, -1, tiny, huge, the value scaled): mutants that mostly still load, to run.
     */
    static Mutant mutateNumbers(String text, SplittableRandom random, int maxSteps) {
        ScenarioMutator mutator = new ScenarioMutator(random);
        int count = 1 + random.nextInt(maxSteps);
        String current = text;
        for (int i = 0; i < count; i++) {
            current = mutator.replaceNumber(current);
        }
        return new Mutant(current.getBytes(StandardCharsets.UTF_8), List.copyOf(mutator.steps));
    }

    /** {@code text} with 1 to {@code maxSteps} mutations drawn from {@code random}. */
    static Mutant mutate(String text, SplittableRandom random, int maxSteps) {
        ScenarioMutator mutator = new ScenarioMutator(random);
        int count = 1 + random.nextInt(maxSteps);
        String current = text;
        for (int i = 0; i < count; i++) {
            current = mutator.step(current);
        }
        byte[] bytes = current.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(12) == 0) {
            bytes = mutator.bytes(bytes);
        }
        return new Mutant(bytes, List.copyOf(mutator.steps));
    }

    /** A value from the pool, or a random number or text. */
    static String value(SplittableRandom random) {
        switch (random.nextInt(10)) {
            case 0:
                return Long.toString(random.nextLong());
            case 1:
                return Double.toString(Double.longBitsToDouble(random.nextLong()));
            case 2:
                return Integer.toString(random.nextInt(2000) - 10);
            case 3:
                return Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-6, 20)));
            case 4:
                return "x".repeat(random.nextInt(1, 5) == 1 ? 100_000 : random.nextInt(300));
            default:
                return VALUES.get(random.nextInt(VALUES.size()));
        }
    }

    private String step(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (random.nextInt(17)) {
            case 14:
                return replaceNumber(text);
            case 15:
                return nest(text, lines, line);
            case 16:
                return longList(text, lines, line);
            case 0:
                steps.add("delete line " + (line + 1));
                lines.remove(line);
                return String.join("\n", lines);
            case 1:
                steps.add("duplicate line " + (line + 1));
                lines.add(line, lines.get(line));
                return String.join("\n", lines);
            case 2: {
                int other = random.nextInt(lines.size());
                steps.add("swap lines " + (line + 1) + " and " + (other + 1));
                String kept = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, kept);
                return String.join("\n", lines);
            }
            case 3:
            case 4:
            case 5:
                return replaceValue(text);
            case 6:
            case 7:
                return renameKey(text);
            case 8: {
                String original = lines.get(line);
                int change = random.nextInt(-3, 4);
                String changed = change >= 0 ? " ".repeat(change) + original : original.replaceFirst("^ {1," + -change
                        + "}", "");
                steps.add("indent line " + (line + 1) + " by " + change);
                lines.set(line, changed);
                return String.join("\n", lines);
            }
            case 9: {
                String odd = ODD_CHARACTERS.get(random.nextInt(ODD_CHARACTERS.size()));
                int at = random.nextInt(text.length() + 1);
                steps.add("insert " + escape(odd) + " at char " + at);
                return text.substring(0, at) + odd + text.substring(at);
            }
            case 10: {
                String odd = ODD_LINES.get(random.nextInt(ODD_LINES.size()));
                steps.add("insert line '" + escape(odd) + "' before line " + (line + 1));
                lines.add(line, odd);
                return String.join("\n", lines);
            }
            case 11:
                return aliases(text, lines);
            case 12: {
                int at = random.nextInt(text.length() + 1);
                steps.add("truncate at char " + at);
                return text.substring(0, at);
            }
            default: {
                String key = KNOWN_KEYS.get(random.nextInt(KNOWN_KEYS.size()));
                String indent = " ".repeat(random.nextInt(4) * 2);
                String entry = indent + (random.nextInt(4) == 0 ? "- " : "") + key + ": " + value(random);
                steps.add("insert line '" + escape(entry) + "' before line " + (line + 1));
                lines.add(line, entry);
                return String.join("\n", lines);
            }
        }
    }

    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,] )-?[0-9][0-9._eE+-]*(?=[\\s,}\\]#]|$)");

    /** A number replaced by one near the end of some range, or by itself scaled. */
    private String replaceNumber(String text) {
        List<int[]> spans = spans(NUMBER, text);
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String old = text.substring(span[0], span[1]);
        double value;
        try {
            value = Double.parseDouble(old.replace("_", ""));
        } catch (NumberFormatException e) {
            value = 1;
        }
        String[] near = {"0", "1", "-1", "2", "0.5", "1e-7", "0.0004", "0.0005", "0.001", "1e12", "1e15", "1e16",
            "1e300", "2147483647", "2147483648", "9223372036854775807", "4.9e-324", "999999999999.999"};
        String replaced;
        switch (random.nextInt(4)) {
            case 0:
                replaced = near[random.nextInt(near.length)];
                break;
            case 1:
                replaced = plain(value * Math.pow(10, random.nextInt(1, 13)));
                break;
            case 2:
                replaced = plain(value / Math.pow(10, random.nextInt(1, 8)));
                break;
            default:
                replaced = plain(value + random.nextInt(-2, 3));
        }
        steps.add("number '" + old + "' -> '" + replaced + "'");
        return text.substring(0, span[0]) + replaced + text.substring(span[1]);
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e18 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** A value nested deeply in flow lists or mappings. */
    private String nest(String text, List<String> lines, int line) {
        int depth = random.nextInt(4) == 0 ? random.nextInt(900, 1200) : random.nextInt(1, 200);
        boolean lists = random.nextBoolean();
        String nested = lists ? "[".repeat(depth) + "1" + "]".repeat(depth) : "{a: ".repeat(depth) + "1"
                + "}".repeat(depth);
        List<int[]> spans = spans(VALUE, text);
        steps.add("a value nested " + depth + " deep in " + (lists ? "lists" : "mappings"));
        if (spans.isEmpty()) {
            lines.add(line, "deep: " + nested);
            return String.join("\n", lines);
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + nested + text.substring(span[1]);
    }

    /** A long flow list in place of a value. */
    private String longList(String text, List<String> lines, int line) {
        int size = random.nextInt(3) == 0 ? 100_000 : random.nextInt(1, 2000);
        String item = ScenarioMutator.value(random);
        item = item.length() > 20 ? "1" : item;
        String list = "[" + String.join(", ", java.util.Collections.nCopies(size, item)) + "]";
        List<int[]> spans = spans(VALUE, text);
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        steps.add("value '" + text.substring(span[0], span[1]) + "' -> a list of " + size + " x '" + escape(item)
                + "'");
        return text.substring(0, span[0]) + list + text.substring(span[1]);
    }

    /** Values in block ({@code key: value}) and flow ({@code {key: value}}, {@code [a, b]}) style. */
    private static final Pattern VALUE = Pattern.compile(
            "(?<=: |\\[|, )[^\\s,{}\\[\\]#][^,{}\\[\\]#\\n]*?(?=\\s*(?:[,}\\]#\\n]|$))");
    private static final Pattern KEY = Pattern.compile("(?<![A-Za-z0-9-])[A-Za-z][A-Za-z0-9-]*+(?=:)");

    private String replaceValue(String text) {
        List<int[]> spans = spans(VALUE, text);
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String value = value(random);
        steps.add("value '" + text.substring(span[0], span[1]) + "' -> '" + escape(shorten(value)) + "'");
        return text.substring(0, span[0]) + value + text.substring(span[1]);
    }

    private String renameKey(String text) {
        List<int[]> spans = spans(KEY, text);
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String key = text.substring(span[0], span[1]);
        String renamed;
        switch (random.nextInt(6)) {
            case 0:
                renamed = KNOWN_KEYS.get(random.nextInt(KNOWN_KEYS.size()));
                break;
            case 1:
                renamed = key.length() > 1 ? key.substring(0, key.length() - 1) : key + key;
                break;
            case 2: {
                int i = random.nextInt(Math.max(1, key.length() - 1));
                renamed = key.length() < 2 ? key.toUpperCase() : key.substring(0, i) + key.charAt(i + 1) + key.charAt(i)
                        + key.substring(i + 2);
                break;
            }
            case 3:
                renamed = key.toUpperCase();
                break;
            case 4:
                renamed = "\"" + key + " \"";
                break;
            default:
                renamed = key + "_" + random.nextInt(10);
        }
        steps.add("key '" + key + "' -> '" + renamed + "'");
        return text.substring(0, span[0]) + renamed + text.substring(span[1]);
    }

    /** An anchor and aliases to it, or a "billion laughs" bomb of nested aliases. */
    private String aliases(String text, List<String> lines) {
        if (random.nextBoolean()) {
            StringBuilder bomb = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
            int levels = random.nextInt(1, 10);
            for (int i = 1; i <= levels; i++) {
                bomb.append('a').append(i).append(": &a").append(i).append(" [")
                        .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
            }
            steps.add("alias bomb of " + levels + " levels at the top");
            return bomb + text;
        }
        List<int[]> spans = spans(VALUE, text);
        if (spans.isEmpty()) {
            return text;
        }
        int[] anchored = spans.get(random.nextInt(spans.size()));
        int[] aliased = spans.get(random.nextInt(spans.size()));
        steps.add("anchor &x on '" + text.substring(anchored[0], anchored[1]) + "', alias *x for '"
                + text.substring(aliased[0], aliased[1]) + "'");
        StringBuilder out = new StringBuilder(text);
        if (aliased[0] >= anchored[0]) {
            out.replace(aliased[0], aliased[1], "*x");
            out.insert(anchored[0], "&x ");
        } else {
            out.insert(anchored[0], "&x ");
            out.replace(aliased[0], aliased[1], "*x");
        }
        return out.toString();
    }

    /** Byte-level damage: bytes that are not UTF-8, a byte order mark, UTF-16. */
    private byte[] bytes(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(4)) {
            case 0: {
                int at = random.nextInt(bytes.length + 1);
                int value = random.nextInt(0x80, 0x100);
                steps.add(String.format("insert byte 0x%02X at byte %d", value, at));
                out.write(bytes, 0, at);
                out.write(value);
                out.write(bytes, at, bytes.length - at);
                return out.toByteArray();
            }
            case 1: {
                steps.add("UTF-8 byte order mark");
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(bytes);
                return out.toByteArray();
            }
            case 2:
                steps.add("encode as UTF-16");
                return new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            default: {
                int at = random.nextInt(bytes.length + 1);
                steps.add("cut at byte " + at);
                out.write(bytes, 0, at);
                return out.toByteArray();
            }
        }
    }

    /** The matches of {@code pattern} that are not inside a comment, at most 1,000 spread over the text. */
    private static List<int[]> spans(Pattern pattern, String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        int lineStart = 0;
        int comment = -1; // where a comment starts on the current line, or -1
        int scanned = 0;
        while (m.find()) {
            for (; scanned < m.start(); scanned++) {
                char c = text.charAt(scanned);
                if (c == '\n') {
                    lineStart = scanned + 1;
                    comment = -1;
                } else if (c == '#' && comment < 0) {
                    comment = scanned;
                }
            }
            if (comment < lineStart) {
                spans.add(new int[] {m.start(), m.end()});
            }
            if (spans.size() >= 1000) {
                break;
            }
        }
        return spans;
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "... (" + value.length() + " chars)" : value;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c >= 0x7f && c < 0xa0 || c >= 0x2028 && c <= 0x2029 || c >= 0xd800 && c < 0xe000
                    || c >= 0xfeff ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static List<String> knownKeys() {
        Set<String> keys = new LinkedHashSet<>(ScenarioBinder.KEYS);
        keys.addAll(ProtocolBinder.KEYS);
        keys.addAll(NetworkBinder.KEYS);
        TimelineBinder.KEYS.values().forEach(keys::addAll);
        keys.addAll(Sweep.KEYS);
        keys.addAll(List.of("type", "fanout", "failureDetector", "millis", "minMillis", "maxMillis", "meanMillis",
                "stddevMillis", "medianMillis", "sigma", "probability", "goodToBad", "badToGood", "lossInGood",
                "lossInBad", "count", "intraRegionMillis", "interRegionMillis", "timelineSampleMillis",
                "coverageStepMillis", "timeScale", "loopThreads"));
        return List.copyOf(keys);
    }
}
