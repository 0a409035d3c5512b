package io.gossip.sim.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The writers {@code sim} prints to the console with. What it prints is ASCII but for a few signs:
 * the summary's {@code (c+1)·ln n}, {@code µs} in an engine's message, {@code –} in a report's.
 * Through a console whose charset cannot encode them (a C or POSIX locale, where Java's is
 * US-ASCII) Java would print {@code ?}: there each is written as an ASCII stand-in instead
 * ({@code (c+1)*ln n}, {@code us}, {@code -}), and on a UTF-8 console as it is. Files are not
 * written through these: the result files, summary.json and the report are UTF-8 whatever the
 * console's charset.
 */
final class ConsoleWriters {
    /** The non-ASCII signs sim's own messages use, with what stands in for each on an ASCII console. */
    static final Map<Character, String> STAND_INS = Map.ofEntries(
            Map.entry('\u00B7', "*"), // middle dot: (c+1)·ln n
            Map.entry('\u00B5', "u"), // micro sign: µs
            Map.entry('\u03BC', "u"), // Greek mu
            Map.entry('\u2013', "-"), // en dash: no data, ranges such as 5–95 %
            Map.entry('\u2014', "-"), // em dash
            Map.entry('\u2212', "-"), // minus sign
            Map.entry('\u2026', "..."), // ellipsis
            Map.entry('\u00B1', "+/-"),
            Map.entry('\u00D7', "x"),
            Map.entry('\u00F7', "/"),
            Map.entry('\u2264', "<="),
            Map.entry('\u2265', ">="),
            Map.entry('\u2192', "->"),
            Map.entry('\u03B5', "e"), // epsilon, a loss rate
            Map.entry('\u2018', "'"),
            Map.entry('\u2019', "'"),
            Map.entry('\u201C', "\""),
            Map.entry('\u201D', "\""),
            Map.entry('\u00A0', " ")); // no-break space

    private ConsoleWriters() {
    }

    /** The console writers of the sim command: standard output and error, each in the charset Java prints it in. */
    static PrintWriter stdout() {
        return writer(System.out, charset(System.getProperties(), "stdout"));
    }

    /** See {@link #stdout()}. */
    static PrintWriter stderr() {
        return writer(System.err, charset(System.getProperties(), "stderr"));
    }

    /**
     * The charset Java's {@code System.out} (or {@code System.err}, for {@code stream} "stderr")
     * encodes with, from the JVM's properties: {@code stdout.encoding} where the JVM sets it (Java
     * 19 and later), else {@code sun.stdout.encoding} (a Windows console), else the default charset,
     * which on Java 17 and 18 is the locale's (US-ASCII under {@code LC_ALL=C}).
     */
    static Charset charset(Properties properties, String stream) {
        for (String key : new String[] {stream + ".encoding", "sun." + stream + ".encoding"}) {
            String name = properties.getProperty(key);
            if (name != null && !name.isBlank()) {
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    // the next property, or the default charset, as System.out itself would fall back
                }
            }
        }
        return Charset.defaultCharset();
    }

    /**
     * A writer to {@code stream} in {@code charset}, flushed at each line, with the signs of
     * {@link #STAND_INS} that {@code charset} cannot encode written as their stand-ins.
     */
    static PrintWriter writer(OutputStream stream, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        Map<Character, String> needed = new HashMap<>();
        STAND_INS.forEach((sign, standIn) -> {
            if (!encoder.canEncode(sign)) {
                needed.put(sign, standIn);
            }
        });
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, charset));
        return new PrintWriter(needed.isEmpty() ? out : new StandIns(out, needed), true);
    }

    /** Replaces each sign of a map by its stand-in on the way through. */
    private static final class StandIns extends FilterWriter {
        private final Map<Character, String> standIns;

        StandIns(Writer out, Map<Character, String> standIns) {
            super(out);
            this.standIns = standIns;
        }

        @Override
        public void write(int c) throws IOException {
            String standIn = standIns.get((char) c);
            if (standIn != null) {
                out.write(standIn);
            } else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            write(new String(chars, offset, length), 0, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            int start = offset;
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                String standIn = standIns.get(text.charAt(i));
                if (standIn != null) {
                    out.write(text, start, i - start);
                    out.write(standIn);
                    start = i + 1;
                }
            }
            out.write(text, start, end - start);
        }
    }
}
