package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.udp.ReceiveBuffers;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two {@code sim node} commands in this JVM, fed through pipes: a line typed at one is printed by
 * the other with its origin and hop count, and closing their input makes both leave and exit 0;
 * with a shared key and with DTLS certificates (made with {@code keytool} once for the class).
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

    @TempDir
    static Path pkiDir;
    private static Path trustStore;
    private static Path nodeStore0;
    private static Path nodeStore1;

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestCertificates ca = TestCertificates.create(pkiDir);
        trustStore = ca.trustStore();
        nodeStore0 = ca.nodeKeyStore("node0");
        nodeStore1 = ca.nodeKeyStore("node1");
    }

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
        assertTrue(await(() -> b.err.toString().contains("joined through " + aAddress)), b.err.toString());
        assertTrue(b.err.toString().contains("joining through " + aAddress), b.err.toString());
        // a held b from the subscription on; b is held once a keeps it, and says so
        assertTrue(await(() -> b.err.toString().contains("reachable: a member holds this node in its PartialView")),
                b.err.toString());

        typeUntilPrinted(b, a, "hello from b");
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

    /**
     * Until the subscription has reached the other node, a broadcast may find the view empty:
     * retype until it arrives.
     */
    private static void typeUntilPrinted(Running from, Running to, String text) throws InterruptedException {
        assertTrue(await(() -> {
            if (to.out.toString().contains("hops 1: " + text)) {
                return true;
            }
            try {
                from.type(text);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return false;
        }), to.out.toString());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoDtlsNodesExchangeLinesWithThePasswordFromTheEnvironmentOrAFile() throws Exception {
        Running a = new Running(Map.of("GOSSIP_KEYSTORE_PASSWORD", TestCertificates.PASSWORD), "--bind",
                "127.0.0.1:0", "--seed", "3", "--dtls-keystore", nodeStore0.toString(), "--dtls-truststore",
                trustStore.toString());
        assertTrue(await(() -> a.err.toString().contains("started a new group")), a.err.toString());
        assertTrue(a.err.toString().contains("DTLS 1.2 with certificates: this node is CN=node0"), a.err.toString());
        Matcher address = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)").matcher(a.err.toString());
        assertTrue(address.find(), a.err.toString());
        String aAddress = address.group(1);

        Path passwordFile = Files.writeString(dir.resolve("node1.password"), TestCertificates.PASSWORD + "\n");
        Running b = new Running("--bind", "127.0.0.1:0", "--join", aAddress, "--seed", "4", "--dtls-keystore",
                nodeStore1.toString(), "--dtls-truststore", trustStore.toString(), "--dtls-password-file",
                passwordFile.toString());
        assertTrue(await(() -> b.err.toString().contains("joining through " + aAddress)), b.err.toString());
        assertTrue(b.err.toString().contains("this node is CN=node1"), b.err.toString());

        typeUntilPrinted(b, a, "hello over dtls");
        a.type("hi back");
        assertTrue(await(() -> b.out.toString().contains("from " + aAddress + "#")
                && b.out.toString().contains("hops 1: hi back")), b.out.toString());
        assertTrue(!a.err.toString().contains(TestCertificates.PASSWORD), a.err.toString());

        b.stdin.close();
        assertEquals(0, b.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), b.err.toString());
        a.stdin.close();
        assertEquals(0, a.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), a.err.toString());
    }

    @Test
    void dtlsIsRefusedWithAnotherModeAMissingStoreOrPasswordOrAWrongPassword() throws Exception {
        String[] dtls = {"--bind", "127.0.0.1:0", "--dtls-keystore", nodeStore0.toString(), "--dtls-truststore",
            trustStore.toString()};
        Map<String, String> password = Map.of("GOSSIP_KEYSTORE_PASSWORD", TestCertificates.PASSWORD);
        Path keyFile = Files.writeString(dir.resolve("cluster.keys"), KEY + "\n");

        assertEquals(2, execute(password, concat(dtls, "--key-file", keyFile.toString())));
        assertTrue(lastErr.contains("--key-file contradicts DTLS"), lastErr);
        assertEquals(2, execute(Map.of("GOSSIP_KEYSTORE_PASSWORD", TestCertificates.PASSWORD, "GOSSIP_CLUSTER_KEY",
                KEY), dtls));
        assertTrue(lastErr.contains("GOSSIP_CLUSTER_KEY contradicts DTLS"), lastErr);
        assertTrue(!lastErr.contains(KEY), lastErr);
        assertEquals(2, execute(password, concat(dtls, "--insecure")));
        assertTrue(lastErr.contains("--insecure contradicts DTLS"), lastErr);
        assertEquals(2, execute(password, "--bind", "127.0.0.1:0", "--dtls-keystore", nodeStore0.toString()));
        assertTrue(lastErr.contains("needs both --dtls-keystore FILE and --dtls-truststore FILE"), lastErr);

        assertEquals(2, execute(Map.of(), dtls));
        assertTrue(lastErr.contains("no key store password") && lastErr.contains("GOSSIP_KEYSTORE_PASSWORD"), lastErr);
        assertEquals(2, execute(Map.of(), concat(dtls, "--dtls-password", TestCertificates.PASSWORD)));
        assertTrue(lastErr.contains("Unknown option"), lastErr);
        assertEquals(2, execute(Map.of(), concat(dtls, "--dtls-password-file", dir.resolve("none").toString())));
        assertTrue(lastErr.contains("sim node: cannot read the password file " + dir.resolve("none")
                + ": no such file"), lastErr);
        assertTrue(!lastErr.contains("Exception"), lastErr);
        assertEquals(2, execute(Map.of("GOSSIP_KEYSTORE_PASSWORD", "not-the-password"), dtls));
        assertTrue(lastErr.contains("wrong password for the DTLS key store " + nodeStore0), lastErr);
        assertTrue(!lastErr.contains("not-the-password"), lastErr);
        assertEquals(2, execute(Map.of("GOSSIP_KEYSTORE_PASSWORD", TestCertificates.PASSWORD,
                "GOSSIP_TRUSTSTORE_PASSWORD", "not-the-password"), dtls));
        assertTrue(lastErr.contains("wrong password for the DTLS trust store " + trustStore), lastErr);
        assertTrue(lastErr.contains("takes it from GOSSIP_TRUSTSTORE_PASSWORD"), lastErr);

        Path missing = dir.resolve("missing.p12");
        assertEquals(2, execute(password, "--bind", "127.0.0.1:0", "--dtls-keystore", missing.toString(),
                "--dtls-truststore", trustStore.toString()));
        assertTrue(lastErr.contains("cannot read the DTLS key store " + missing), lastErr);
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store\n");
        assertEquals(2, execute(password, "--bind", "127.0.0.1:0", "--dtls-keystore", nodeStore0.toString(),
                "--dtls-truststore", garbage.toString()));
        assertTrue(lastErr.contains("DTLS trust store " + garbage + ": it is not a PKCS12 (.p12) store"), lastErr);
        assertEquals(2, execute(password, "--bind", "127.0.0.1:0", "--dtls-keystore", trustStore.toString(),
                "--dtls-truststore", trustStore.toString()));
        assertTrue(lastErr.contains("holds no private key entry (--dtls-keystore " + trustStore), lastErr);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
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
        Path missing = dir.resolve("missing");
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--key-file", missing.toString()));
        assertTrue(lastErr.contains("sim node: cannot read the key file " + missing + ": no such file"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--key-file", dir.toString()));
        assertTrue(lastErr.contains("sim node: cannot read the key file " + dir + ": "), lastErr);
        assertTrue(!lastErr.contains("Exception"), lastErr);
    }

    private String lastErr;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void protocolOptionsAreRefusedUnderTheirOwnNamesAndLongHeartbeatsAreAccepted() {
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--insecure", "--c", "-1"));
        assertTrue(lastErr.startsWith("--c must be in [0, 65534], got -1"), lastErr);
        // c + 1 copies is what a lease renewal asks for, and a subscription carries at most 65,535
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--insecure", "--c", "65535"));
        assertTrue(lastErr.startsWith("--c must be in [0, 65534], got 65535"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--insecure", "--max-payload-bytes", "0"));
        assertTrue(lastErr.startsWith("--max-payload-bytes must be at least 1"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--insecure", "--retransmit-timeout-millis", "0"));
        assertTrue(lastErr.startsWith("--retransmit-timeout-millis must be in [1, "), lastErr);
        assertEquals("isolationTimeoutMillis needs heartbeats (--heartbeat-period-millis > 0)",
                NodeCommand.optionNames("isolationTimeoutMillis needs heartbeats (heartbeatPeriodMillis > 0)"));
        // a period of 10 s or more was refused: the isolation timeout stayed at the default 10 s
        assertEquals(0, execute(Map.of(), "--bind", "127.0.0.1:0", "--insecure", "--heartbeat-period-millis",
                "20000"), lastErr);
        assertTrue(lastErr.contains("started a new group") && lastErr.contains("closed"), lastErr);
    }

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
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aJoinThatNobodyAcknowledgesFailsWithOneClearLineAndExitOne() throws Exception {
        try (DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            String dead = "127.0.0.1:" + ((InetSocketAddress) silent.getLocalAddress()).getPort();
            // 5 ms doubling over 6 attempts: given up after 315 ms.
            Running node = new Running("--bind", "127.0.0.1:0", "--join", dead, "--insecure",
                    "--retransmit-timeout-millis", "5");
            assertEquals(1, node.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), node.err.toString());
            String err = node.err.toString();
            assertTrue(err.contains("joining through " + dead), err);
            assertTrue(err.contains("sim node: the join through " + dead + " failed: no acknowledgement after 6 "
                    + "attempts ("), err);
            assertTrue(err.contains("another cluster key, cluster label or certificate authority"), err);
            assertTrue(err.contains("closed 127.0.0.1:"), err);
            assertTrue(!err.contains("joined through") && !err.contains("Exception") && !err.contains("left the group"),
                    err);
        }
    }

    @Test
    void aWildcardBindNeedsAReachableAdvertisedAddressWhosePortIsFixedIfNamed() {
        assertEquals(2, execute(Map.of(), "--bind", "0.0.0.0:7000", "--insecure"));
        assertTrue(lastErr.contains("--bind 0.0.0.0:7000 listens on every interface")
                && lastErr.contains("give --advertise HOST (with the port bound) or HOST:PORT"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "0.0.0.0:7000", "--advertise", "0.0.0.0:7000", "--insecure"));
        assertTrue(lastErr.contains("--advertise 0.0.0.0:7000 is a wildcard address"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "0.0.0.0:0", "--advertise", "0.0.0.0", "--insecure"));
        assertTrue(lastErr.contains("--advertise 0.0.0.0 is a wildcard address"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "[::]:0", "--advertise", "[::]:0", "--insecure"));
        assertTrue(lastErr.contains("--advertise [::]:0 is a wildcard address"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "0.0.0.0:0", "--advertise", "127.0.0.1:7000", "--insecure"));
        assertTrue(lastErr.contains("--advertise 127.0.0.1:7000 names a port, which needs a fixed --bind port: with "
                + "--bind 0.0.0.0:0 the system picks one; give --advertise 127.0.0.1 (or 127.0.0.1:0) to advertise "
                + "the port bound"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "0.0.0.0:0", "--advertise", "999.0.0.1", "--insecure"));
        assertTrue(lastErr.contains("--advertise: bad IPv4 literal in \"999.0.0.1\""), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:7000", "--join", "127.0.0.1:7000", "--insecure"));
        assertTrue(lastErr.contains("--join 127.0.0.1:7000 is this node's own address"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "0.0.0.0:7000", "--advertise", "127.0.0.1", "--join",
                "127.0.0.1:7000", "--insecure"));
        assertTrue(lastErr.contains("--join 127.0.0.1:7000 is this node's own address"), lastErr);
        assertTrue(!lastErr.contains("Exception"), lastErr);
    }

    /** The advertised IP takes the bound port: the socket must receive its family. */
    @Test
    void anAdvertisedAddressOfAFamilyTheSocketCannotReceiveIsAUsageError() {
        assertEquals(2, execute(Map.of(), "--bind", "0.0.0.0:0", "--advertise", "[::1]", "--insecure"));
        assertTrue(lastErr.contains("--advertise [::1] is an IPv6 address, which a socket bound to IPv4 (--bind "
                + "0.0.0.0:0) cannot receive: bind to an IPv6 address, or to [::], which receives both"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "[::1]:0", "--advertise", "127.0.0.1:0", "--insecure"));
        assertTrue(lastErr.contains("--advertise 127.0.0.1:0 is an IPv4 address, which a socket bound to a specific "
                + "IPv6 address (--bind [::1]:0) cannot receive: bind to an IPv4 address, or to [::], which receives "
                + "both"), lastErr);
        assertTrue(!lastErr.contains("Exception"), lastErr);
    }

    /** --advertise HOST and HOST:0 both mean the port the socket binds, here one the system picks. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void nodesBoundToTheWildcardOnAnyPortAreJoinedThroughTheAdvertisedIpAndTheBoundPort() throws Exception {
        Running first = new Running("--bind", "0.0.0.0:0", "--advertise", "127.0.0.1", "--insecure");
        assertTrue(await(() -> first.err.toString().contains("started a new group")), first.err.toString());
        Matcher listening = Pattern.compile("listening on (127\\.0\\.0\\.1:(\\d+)) ").matcher(first.err.toString());
        assertTrue(listening.find(), first.err.toString());
        String advertised = listening.group(1);
        assertTrue(Integer.parseInt(listening.group(2)) > 0, advertised);
        assertTrue(first.err.toString().contains("others join with --join " + advertised), first.err.toString());

        Running second = new Running("--bind", "0.0.0.0:0", "--advertise", "localhost:0", "--join", advertised,
                "--insecure");
        assertTrue(await(() -> second.err.toString().contains("joined through " + advertised)),
                second.err.toString());
        Matcher secondListening = Pattern.compile("listening on (127\\.0\\.0\\.1:[1-9]\\d*) ")
                .matcher(second.err.toString());
        assertTrue(secondListening.find(), second.err.toString());
        typeUntilPrinted(second, first, "hello from the second wildcard node");
        assertTrue(first.out.toString().contains("from " + secondListening.group(1) + "#"), first.out.toString());
        second.stdin.close();
        assertEquals(0, second.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), second.err.toString());
        first.stdin.close();
        assertEquals(0, first.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), first.err.toString());
    }

    @Test
    void aPayloadLimitThatDoesNotFitADatagramIsAUsageErrorNamingTheLimitOfTheMode() throws Exception {
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--insecure", "--max-payload-bytes", "5000"));
        assertTrue(lastErr.contains("--max-payload-bytes 5000 is too large: in plaintext, a line of at most 1349 "
                + "bytes fits in one datagram"), lastErr);
        Path keyFile = Files.writeString(dir.resolve("cluster.keys"), KEY + "\n");
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--key-file", keyFile.toString(),
                "--max-payload-bytes", "1349"));
        assertTrue(lastErr.contains("--max-payload-bytes 1349 is too large: with a cluster key (AES-256-GCM "
                + "sealing), a line of at most 1292 bytes fits in one datagram"), lastErr);
        assertTrue(!lastErr.contains("Exception"), lastErr);
        assertEquals(2, execute(Map.of("GOSSIP_KEYSTORE_PASSWORD", TestCertificates.PASSWORD), "--bind",
                "127.0.0.1:0", "--dtls-keystore", nodeStore0.toString(), "--dtls-truststore", trustStore.toString(),
                "--max-payload-bytes", "1349"));
        assertTrue(lastErr.contains("with DTLS, a line of at most 1312 bytes"), lastErr);
    }

    @Test
    void theHelpSaysEncryptionLowersThePayloadLimit() {
        CommandLine line = new CommandLine(new NodeCommand(new java.io.ByteArrayInputStream(new byte[0]), false));
        String help = line.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertTrue(help.contains("At most 1349 in plaintext; lower with encryption: 1292 with a cluster key, 1312 "
                + "with DTLS."), help);
        assertTrue(help.contains("--advertise=HOST[:PORT]"), help);
        assertTrue(help.contains("Without a port, or with port 0, the node is advertised at the port it binds"),
                help);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void keyAndPasswordFilesSavedWithAByteOrderMarkAreAccepted() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("bom.keys"), "\uFEFF" + KEY + "\r\n");
        Running sealed = new Running("--bind", "127.0.0.1:0", "--key-file", keyFile.toString());
        assertTrue(await(() -> sealed.err.toString().contains("started a new group")), sealed.err.toString());
        assertTrue(sealed.err.toString().contains("sealing with AES-256-GCM"), sealed.err.toString());
        sealed.stdin.close();
        assertEquals(0, sealed.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), sealed.err.toString());

        Path passwordFile = Files.writeString(dir.resolve("bom.password"), "\uFEFF" + TestCertificates.PASSWORD
                + "\r\n");
        Running dtls = new Running("--bind", "127.0.0.1:0", "--dtls-keystore", nodeStore0.toString(),
                "--dtls-truststore", trustStore.toString(), "--dtls-password-file", passwordFile.toString());
        assertTrue(await(() -> dtls.err.toString().contains("started a new group")), dtls.err.toString());
        dtls.stdin.close();
        assertEquals(0, dtls.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), dtls.err.toString());
    }

    /** The socket gets the receive buffer asked for, as the kernel adjusts it, and says which. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRequestedReceiveBufferIsAppliedAndPrintedAndABadOneIsAUsageError() throws Exception {
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--insecure", "--receive-buffer-bytes", "10"));
        assertTrue(lastErr.contains("--receive-buffer-bytes must be in [1024, 1073741824], got 10"), lastErr);

        int granted = ReceiveBuffers.granted(1 << 20);
        Running node = new Running("--bind", "127.0.0.1:0", "--insecure", "--receive-buffer-bytes", "1048576");
        assertTrue(await(() -> node.err.toString().contains("started a new group")), node.err.toString());
        assertTrue(node.err.toString().contains(", receive buffer " + granted + " bytes)"), node.err.toString());
        node.stdin.close();
        assertEquals(0, node.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), node.err.toString());
    }

    @Test
    void aBadAddressIsAUsageError() {
        assertEquals(2, execute(Map.of(), "--bind", "999.0.0.1:7000", "--insecure"));
        assertTrue(lastErr.contains("--bind: bad IPv4 literal in \"999.0.0.1:7000\""), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "localhost:99999", "--insecure"));
        assertTrue(lastErr.contains("--bind: bad port in \"localhost:99999\" (1-65535, or 0 for a free one)"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--join", "localhost:0", "--insecure"));
        assertTrue(lastErr.contains("--join: bad port in \"localhost:0\" (1-65535)"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "no-such-host.invalid:7000", "--insecure"));
        assertTrue(lastErr.contains("--bind: the host name no-such-host.invalid does not resolve to an address"),
                lastErr);
    }

    /** An IPv4 socket cannot send to an IPv6 contact: the join would have waited its whole schedule. */
    @Test
    void aContactTheBoundSocketCannotSendToIsAUsageError() {
        assertEquals(2, execute(Map.of(), "--bind", "127.0.0.1:0", "--join", "[::1]:7101", "--insecure"));
        assertTrue(lastErr.contains("--join [::1]:7101 is an IPv6 address, which a socket bound to IPv4 (--bind "
                + "127.0.0.1:0) cannot send to: bind to an IPv6 address, or to [::] with --advertise, which reaches "
                + "both"), lastErr);
        assertEquals(2, execute(Map.of(), "--bind", "[::1]:0", "--join", "127.0.0.1:7101", "--insecure"));
        assertTrue(lastErr.contains("--join 127.0.0.1:7101 is an IPv4 address, which a socket bound to a specific "
                + "IPv6 address (--bind [::1]:0) cannot send to: bind to an IPv4 address"), lastErr);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hostNamesAreResolvedOnceAtStart() throws Exception {
        Running first = new Running("--bind", "localhost:0", "--insecure");
        assertTrue(await(() -> first.err.toString().contains("started a new group")), first.err.toString());
        java.util.regex.Matcher listening = java.util.regex.Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) ")
                .matcher(first.err.toString());
        assertTrue(listening.find(), "localhost is bound as 127.0.0.1: " + first.err);
        String port = listening.group(1);
        Running second = new Running("--bind", "localhost:0", "--join", "localhost:" + port, "--insecure");
        assertTrue(await(() -> second.err.toString().contains("joined through 127.0.0.1:" + port)),
                second.err.toString());
        second.stdin.close();
        assertEquals(0, second.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), second.err.toString());
        first.stdin.close();
        assertEquals(0, first.exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), first.err.toString());
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
