package io.gossip.sim.run;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reading the benchmark commands' hand-parsed options ({@code ./bench scale}, {@code ./bench
 * ceiling}, {@code ./bench compare}): each error names the option and what is wrong with its
 * value. A null value is an option given last, without one; a command reads it this way only once
 * it has recognised the option, so that an unknown option is reported as unknown wherever it
 * stands.
 */
public final class OptionValues {
    private OptionValues() {
    }

    /**
     * A benchmark command's line as {@code parse} reads it; null once {@code --help} or {@code -h}
     * printed the usage (the command then has nothing to do). A line {@code parse} refuses prints
     * {@code command: what is wrong} and the usage on stderr and exits with code 2.
     */
    public static <T> T commandLine(String[] args, String command, String usage, Function<String[], T> parse) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(usage);
            return null;
        }
        try {
            return parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
            return null;
        }
    }

    /**
     * First argument of {@code ./bench scale}'s and {@code ./bench ceiling}'s classes for a check only:
     * {@code ./bench peersim --pairs} reads the options of its runs this way before it runs anything.
     */
    public static final String CHECK = "--check";

    /**
     * Whether {@code args} ask for a check only ({@link #CHECK} first), and if so the check: the rest
     * read by {@code parse}, nothing run; a line it refuses prints what is wrong, alone, on {@code err}.
     * Returns the exit code: -1 when {@code args} ask for no check, else 0, or 2 for a refused line.
     */
    public static int check(String[] args, Function<String[], ?> parse, PrintStream err) {
        if (args.length == 0 || !args[0].equals(CHECK)) {
            return -1;
        }
        try {
            parse.apply(Arrays.copyOfRange(args, 1, args.length));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /** {@code value}, or the error of option {@code name} given last, without its value. */
    public static String given(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("option " + name + " needs a value");
        }
        return value;
    }

    /** An {@code int}; digits may be grouped with underscores ({@code 100_000}). */
    public static int intValue(String name, String value) {
        return intValue(name, value, Integer.MIN_VALUE);
    }

    /**
     * An {@code int} of at least {@code min}: a smaller one is refused as {@code NAME must be >=
     * MIN, got V}, an integer too large for an {@code int} as {@code NAME must be an integer in
     * [MIN, 2147483647], got 'V'} (not as something that is no integer).
     */
    public static int intValue(String name, String value, int min) {
        int parsed;
        try {
            parsed = Integer.parseInt(given(name, value).replace("_", ""));
        } catch (NumberFormatException e) {
            throw INTEGER.matcher(value.replace("_", "")).matches()
                    ? outOfRange(name, value, min, Integer.MAX_VALUE)
                    : notAnInteger(name, value);
        }
        if (parsed < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + parsed);
        }
        return parsed;
    }

    /** A {@code long}; digits may be grouped with underscores. */
    public static long longValue(String name, String value) {
        try {
            return Long.parseLong(given(name, value).replace("_", ""));
        } catch (NumberFormatException e) {
            throw INTEGER.matcher(value.replace("_", "")).matches()
                    ? outOfRange(name, value, Long.MIN_VALUE, Long.MAX_VALUE)
                    : notAnInteger(name, value);
        }
    }

    /** Digits, maybe signed: an integer, whether or not it fits. */
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private static IllegalArgumentException notAnInteger(String name, String value) {
        return new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
    }

    private static IllegalArgumentException outOfRange(String name, String value, long min, long max) {
        return new IllegalArgumentException(name + " must be an integer in [" + min + ", " + max + "], got '"
                + value + "'");
    }
}
