package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two {@code sim node} commands in this JVM, fed through pipes: a line typed at one is printed by
 * the other with its origin and hop count, and closing their input makes both leave and exit 0.
 * Every wait is bounded.
 */
class NodeCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    /** One node command running on its own thread. */
    private final class Running {
        final PipedOutputStream stdin = new PipedOutputStream();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Future<Integer> exit;

        Running(String... args) throws IOException {
            this(Map.of(), args);
        }

        Running(Map<String, String> environment, String... args) throws IOException {
            PipedInputStream in = new PipedInputStream(stdin);
            CommandLine line = new CommandLine(new NodeCommand(in, false, environment));
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(err, true));
            exit = threads.submit(() -> line.execute(args));
        }

        void type(String text) throws IOException {
            stdin.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** 32 bytes in hex: a key for tests only. */
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void linesTypedAtOneNodeArePrintedByTheOtherAndEndOfInputLeaves() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("cluster.keys"), "# test cluster\n" + KEY + "\n");
        Running a = new Running("--bind", "127.0.0.1:0", "--seed", "1", "--key-file", keyFile.toString());
        assertTrue(await(() -> a.err.toString().contains("started a new group")), a.err.toString());
        Matcher address = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)").matcher(a.err.toString());
        assertTrue(address.find(), a.err.toString());
        String aAddress = address.group(1);

        Running b = new Running(Map.of("GOSSIP_CLUSTER_KEY", KEY), "--bind", "127.0.0.1:0", "--join", aAddress,
                "--seed", "2");
        assertTrue(a.err.toString().contains("sealing with AES-256-GCM"), a.err.toString());
        assertTrue(await(() -> b.err.toString().contains("joining through " + aAddress)), b.err.toString());

        // Until the subscription has reached A, a broadcast from B may find B's view empty: retype until it arrives.
        assertTrue(await(() -> {
            if (a.out.toString().contains("hops 1: hello from b")) {
                return true;
            }
            try {
                b.type("hello from b");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return false;
        }), a.out.toString());
        assertTrue(b.out.toString().contains("sent "), b.out.toString());
        assertTrue(a.out.toString().matches("(?s).*from 127\\.0\\.0\\.1:\\d+#\\d+ hops 1: hello from b.*"),
                a.out.toString());

        a.type("hi from a\u001b[2J");
        assertTrue(await(() -> b.out.toString().contains("from " + aAddress + "#")
                && b.out.toString().contains("hops 1: hi from a?[2J")), b.out.toString());

        b.stdin.close();
        assertEquals(0, b.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), b.err.toString());
        assertTrue(b.err.toString().contains("left the group"), b.err.toString());
        a.stdin.close();
        assertEquals(0, a.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), a.err.toString());
        assertTrue(a.err.toString().contains("closed " + aAddress), a.err.toString());
    }

    @Test
    void withoutAKeyTheNodeRefusesToStartUnlessInsecureIsExplicit() throws Exception {
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0"));
        assertTrue(lastErr.contains("no cluster key"), lastErr);
        assertEquals(2, execute(Map.of("GOSSIP_CLUSTER_KEY", KEY), "--bind", "127.0.0.1:0", "--insecure"));
        assertTrue(lastErr.contains("--insecure contradicts"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--insecure", "--cluster-label", "blue"));
        assertTrue(lastErr.contains("--cluster-label needs a cluster key"), lastErr);

        Running plain = new Running("--bind", "127.0.0.1:0", "--insecure");
        assertTrue(await(() -> plain.err.toString().contains("started a new group")), plain.err.toString());
        assertTrue(plain.err.toString().contains("PLAINTEXT (--insecure)"), plain.err.toString());
        plain.stdin.close();
        assertEquals(0, plain.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), plain.err.toString());
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutPrintingIt() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("short.keys"), "00112233445566778899aabbccddeeff\n");
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--key-file", keyFile.toString()));
        assertTrue(lastErr.contains(keyFile.toString()) && lastErr.contains("line 1"), lastErr);
        assertTrue(!lastErr.contains("00112233445566778899aabbccddeeff"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--key-file", dir.resolve("missing").toString()));
        assertTrue(lastErr.contains("cannot read the key file"), lastErr);
    }

    private String lastErr;

    private int execute(Map<String, String> environment, String... args) {
        CommandLine line = new CommandLine(new NodeCommand(new java.io.ByteArrayInputStream(new byte[0]), false,
                environment));
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        lastErr = err.toString();
        return exit;
    }

    @Test
    void aBadAddressIsAUsageError() {
        CommandLine line = new CommandLine(new NodeCommand(new java.io.ByteArrayInputStream(new byte[0]), false));
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err, true));
        assertEquals(2, line.execute("--bind", "localhost:7000"));
        assertTrue(err.toString().contains("--bind"), err.toString());
    }

    /** Polls every 50 ms until the condition holds or {@link #WAIT} passes. */
    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
