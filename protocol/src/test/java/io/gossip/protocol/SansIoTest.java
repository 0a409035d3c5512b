package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails the build if the protocol core reaches for sockets, threads, clocks or global randomness. */
class SansIoTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "java\\.net\\.|java\\.nio\\.channels|java\\.util\\.concurrent|new Thread\\b|Thread\\.sleep"
                    + "|System\\.currentTimeMillis|System\\.nanoTime|Math\\.random|ThreadLocalRandom"
                    + "|new Random\\(|java\\.util\\.Random\\b|Instant\\.now|LocalDateTime\\.now|Clock\\."
                    + "|synchronized|java\\.io\\.File\\b|java\\.nio\\.file");

    @Test
    void protocolMainCodeUsesNoIoThreadsClocksOrGlobalRandomness() throws IOException {
        Path main = Path.of("src/main/java");
        assertTrue(Files.isDirectory(main), "run from the protocol module: " + main.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(main)) {
            for (Path p : (Iterable<Path>) paths.filter(f -> f.toString().endsWith(".java"))::iterator) {
                files++;
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    if (FORBIDDEN.matcher(lines.get(i)).find()) {
                        violations.add(p + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertTrue(files > 10, "expected to scan the protocol sources, found " + files);
        assertEquals(List.of(), violations);
    }

    @Test
    void theScanCatchesAForbiddenCall() {
        assertTrue(FORBIDDEN.matcher("long t = System.currentTimeMillis();").find());
        assertTrue(FORBIDDEN.matcher("import java.net.InetAddress;").find());
        assertTrue(FORBIDDEN.matcher("import java.util.Random;").find());
    }
}
