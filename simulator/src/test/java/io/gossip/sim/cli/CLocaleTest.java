package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim run} in a JVM started under {@code LC_ALL=C}, as a user's shell with a C locale starts
 * it: the console shows ASCII stand-ins rather than {@code ?} for the signs it cannot encode (the
 * summary's {@code (c+1)·ln n} once read {@code (c+1)?ln n}), while the files keep their text in
 * UTF-8, a non-ASCII description of the scenario included.
 */
class CLocaleTest {
    private static final String DESCRIPTION = "R\u00E9seau \u00E0 5 % de pertes \u00B7 \u00B5s";
    private static final String SCENARIO = """
            name: c-locale
            description: "%s"
            seed: 3
            nodes: 20
            timeline:
              - {action: join, atMillis: 0, count: all, overMillis: 1000}
              - {action: broadcast, atMillis: 2000, count: 2}
            """.formatted(DESCRIPTION);

    @TempDir
    Path dir;

    @Test
    void theConsoleIsAsciiAndTheFilesAreUtf8() throws IOException, InterruptedException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, SCENARIO, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), SimCommand.class.getName(),
                "run", file.toString(), "--out", out.toString(), "--threads", "1"))
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANGUAGE")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS"));
        environment.put("LC_ALL", "C");
        environment.put("LANG", "C");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sim run under LC_ALL=C did not end within 120 s");
        }
        byte[] stdout = Files.readAllBytes(dir.resolve("stdout"));
        String console = new String(stdout, StandardCharsets.US_ASCII);
        assertEquals(0, process.exitValue(), console + Files.readString(dir.resolve("stderr")));
        for (byte b : stdout) {
            assertTrue(b >= 0, "a non-ASCII byte on an ASCII console:\n" + console);
        }
        assertTrue(console.contains("expected (c+1)*ln n = "), console);
        assertFalse(console.contains("?"), console);

        assertTrue(utf8(out.resolve("scenario.yaml")).contains("description: " + DESCRIPTION));
        String page = utf8(out.resolve("index.html"));
        assertTrue(page.contains("<meta charset=\"utf-8\""), "the page declares its charset");
        assertTrue(page.contains("(c+1)\u00B7ln n"), "the page keeps its own signs");
        assertTrue(page.contains("R\u00E9seau \u00E0 5 %"), "the page shows the scenario's description");
    }

    /** The file's text, refused unless it is well-formed UTF-8. */
    private static String utf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8", e);
        }
    }
}
