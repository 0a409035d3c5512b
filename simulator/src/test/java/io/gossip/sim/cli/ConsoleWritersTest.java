package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The console's writers print what the console's charset can show: ASCII stand-ins under LC_ALL=C. */
class ConsoleWritersTest {
    private static final String LINE = "expected (c+1)\u00B7ln n = 13.8, 5 \u00B5s, 5\u201395 %, a \u2026 b";

    /** {@code text} and a line end, printed through each of a writer's ways in: text, chars, one char. */
    private static byte[] printed(Charset charset, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter writer = ConsoleWriters.writer(bytes, charset);
        int third = text.length() / 3;
        writer.print(text.substring(0, third));
        writer.write(text.toCharArray(), third, third);
        text.substring(2 * third).chars().forEach(writer::write);
        writer.println();
        return bytes.toByteArray();
    }

    @Test
    void anAsciiConsoleGetsAsciiStandInsInsteadOfQuestionMarks() {
        assertEquals("expected (c+1)*ln n = 13.8, 5 us, 5-95 %, a ... b" + System.lineSeparator(),
                new String(printed(StandardCharsets.US_ASCII, LINE), StandardCharsets.US_ASCII));
    }

    @Test
    void aConsoleThatCanShowTheSignsGetsThemAsTheyAre() {
        assertEquals(LINE + System.lineSeparator(),
                new String(printed(StandardCharsets.UTF_8, LINE), StandardCharsets.UTF_8));
        // Latin-1 has the middle dot and the micro sign, not the dashes or the ellipsis.
        assertEquals("expected (c+1)\u00B7ln n = 13.8, 5 \u00B5s, 5-95 %, a ... b" + System.lineSeparator(),
                new String(printed(StandardCharsets.ISO_8859_1, LINE), StandardCharsets.ISO_8859_1));
    }

    @Test
    void everySignIsWrittenAsItsAsciiStandIn() {
        ConsoleWriters.STAND_INS.forEach((sign, standIn) -> {
            assertTrue(standIn.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "not ASCII: " + standIn);
            assertEquals("[" + standIn + "]" + System.lineSeparator(), new String(printed(StandardCharsets.US_ASCII,
                    "[" + sign + "]"), StandardCharsets.US_ASCII), "the stand-in of U+" + Integer.toHexString(sign));
        });
    }

    @Test
    void theCharsetIsTheOneJavasStandardStreamsUse() {
        Properties java19 = new Properties();
        java19.setProperty("stdout.encoding", "US-ASCII");
        java19.setProperty("stderr.encoding", "UTF-8");
        assertEquals(StandardCharsets.US_ASCII, ConsoleWriters.charset(java19, "stdout"));
        assertEquals(StandardCharsets.UTF_8, ConsoleWriters.charset(java19, "stderr"));
        Properties windows = new Properties();
        windows.setProperty("sun.stdout.encoding", "ISO-8859-1");
        assertEquals(StandardCharsets.ISO_8859_1, ConsoleWriters.charset(windows, "stdout"));
        // Java 17 without either: the default charset, the locale's; so too for a name Java does not know.
        assertEquals(Charset.defaultCharset(), ConsoleWriters.charset(new Properties(), "stdout"));
        Properties unknown = new Properties();
        unknown.setProperty("stdout.encoding", "no-such-charset");
        assertEquals(Charset.defaultCharset(), ConsoleWriters.charset(unknown, "stdout"));
    }
}
