package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.cluster.LoopbackCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that runs out of file descriptors: the node that could not open its socket fails with
 * an IOException, and every node opened before closes cleanly; a loopback cluster that cannot fit
 * is refused before it opens anything. Each runs in a JVM of its own under {@code ulimit -n 128}:
 * the JDK's first close of a selector must happen there with no descriptor left (in this JVM,
 * something has closed one already).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DescriptorExhaustionTest {
    @TempDir
    Path dir;

    @Test
    void nodesOpenedBeforeTheLimitCloseWithoutAStackTrace() throws Exception {
        String[] outAndErr = runUnderLimit(OpenUntilRefused.class);
        assertTrue(outAndErr[0].matches("(?s)opened \\d+ nodes, then: .*Too many open files.*\\nclosed them all\\n"),
                outAndErr[0]);
    }

    @Test
    void aLoopbackClusterTooLargeForTheLimitIsRefusedBeforeItOpensASocket() throws Exception {
        String[] outAndErr = runUnderLimit(StartTooLargeCluster.class);
        assertTrue(outAndErr[0].startsWith("refused: 200 nodes need about 224 file descriptors (a socket each, 2 per"
                + " event loop and 16 to spare) and this process may open 128, "), outAndErr[0]);
        assertTrue(outAndErr[0].endsWith(" already open: raise the limit (ulimit -n 1024 in the shell that starts it)"
                + " or start fewer nodes\n"), outAndErr[0]);
    }

    /** Runs {@code main} in a JVM of its own that may open 128 descriptors; its stdout and stderr. */
    private String[] runUnderLimit(Class<?> main) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux only (ulimit, /proc)");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder("bash", "-c", "ulimit -n 128 && exec \"$0\" -cp \"$1\" \"$2\"",
                java.toString(), System.getProperty("java.class.path"), main.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished = p.waitFor(50, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly(); // a hung child would outlive the build, holding its sockets
        }
        assertTrue(finished, "the child process did not finish");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stdout + stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("Error"), stderr);
        return new String[] {stdout, stderr};
    }

    /** Tries a cluster of 200 nodes on 4 loops. */
    public static final class StartTooLargeCluster {
        public static void main(String[] args) {
            try (LoopbackCluster cluster = LoopbackCluster.start(
                    new LoopbackCluster.Options(200, ProtocolConfig.defaults(), 4, 1, null))) {
                System.out.println("started " + cluster.size());
            } catch (IOException e) {
                System.out.println("refused: " + e.getMessage());
            }
        }
    }

    /** Starts nodes, each on its own loop, until one is refused; then closes them all. */
    public static final class OpenUntilRefused {
        public static void main(String[] args) throws IOException {
            System.getLogger("io.gossip.udp.security"); // loaded now, not at the limit
            List<GossipNode> nodes = new ArrayList<>();
            String refusal = null;
            while (refusal == null && nodes.size() < 1_000) {
                try {
                    nodes.add(GossipNode.builder().bindEphemeral(InetAddress.getLoopbackAddress()).seed(nodes.size())
                            .insecure().start());
                } catch (IOException e) {
                    refusal = e.getMessage();
                }
            }
            System.out.println("opened " + nodes.size() + " nodes, then: " + refusal);
            for (GossipNode node : nodes) {
                node.close();
            }
            System.out.println("closed them all");
        }
    }
}
