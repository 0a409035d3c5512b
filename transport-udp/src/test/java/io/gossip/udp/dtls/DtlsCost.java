package io.gossip.udp.dtls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Manual measurement of the DTLS mode (not a test; run by hand, numbers go to docs/dtls.md):
 * handshake time between two endpoints on real loopback sockets, and the cost of sealing and
 * opening one application datagram once a session is up (in memory, one thread).
 *
 * <pre>
 * nice -n 10 mvn -B -q -pl transport-udp -am test-compile
 * java -cp transport-udp/target/classes:transport-udp/target/test-classes:protocol/target/classes \
 *     io.gossip.udp.dtls.DtlsCost [handshakes] [datagramsPerRound]
 * </pre>
 */
public final class DtlsCost {
    private static final InetSocketAddress A = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_001);
    private static final InetSocketAddress B = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_002);

    private DtlsCost() {
    }

    public static void main(String[] args) throws Exception {
        int handshakes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("dtls-cost");
        TestPki pki = TestPki.create(dir, "cost-ca");
        KeyStore trust = pki.trustStore();
        List<KeyStore> stores = pki.nodeKeyStores("cost", 2);
        DtlsConfig a = DtlsConfig.of(stores.get(0), TestPki.PASSWORD, trust);
        DtlsConfig b = DtlsConfig.of(stores.get(1), TestPki.PASSWORD, trust);
        System.out.println("java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        handshakeTimes(a, b, 20, false);
        handshakeTimes(a, b, handshakes, true);
        int[] sizes = {32, 256, 1_024, 1_363};
        for (int size : sizes) {
            datagramCost(a, b, size, perRound, false); // warm-up: let the JIT compile every path first
        }
        for (int size : sizes) {
            datagramCost(a, b, size, perRound, true);
        }
    }

    /** Full handshakes between fresh peers on loopback sockets: from the first send to both sides established. */
    private static void handshakeTimes(DtlsConfig a, DtlsConfig b, int n, boolean print) throws Exception {
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            try (DtlsTestPeer x = new DtlsTestPeer(a, 0, i); DtlsTestPeer y = new DtlsTestPeer(b, 0, i)) {
                long start = System.nanoTime();
                x.send("hello", y);
                if (!DtlsTestPeer.pump(List.of(x, y), 10_000,
                        () -> x.endpoint.isEstablished(y.address) && y.endpoint.isEstablished(x.address))) {
                    throw new IllegalStateException("handshake " + i + " did not complete");
                }
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (print && i == n - 1) {
                    System.out.println("datagram sizes of the last handshake, first sender: "
                            + x.wire.stream().map(s -> s.bytes().length).toList() + ", other side: "
                            + y.wire.stream().map(s -> s.bytes().length).toList());
                }
            }
        }
        if (print) {
            Arrays.sort(millis);
            System.out.printf("handshake (ECDSA P-256, both roles in this process, loopback), %d runs: "
                    + "median %.1f ms, p10 %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n", n, millis[n / 2],
                    millis[n / 10], millis[n * 9 / 10], millis[0], millis[n - 1]);
        }
    }

    /** Seal on one endpoint, open on the other, in memory, after an in-memory handshake. */
    private static void datagramCost(DtlsConfig a, DtlsConfig b, int size, int perRound, boolean print) {
        ArrayDeque<ByteBuffer> toB = new ArrayDeque<>();
        ArrayDeque<ByteBuffer> toA = new ArrayDeque<>();
        int[] opened = new int[1];
        DtlsEndpoint x = new DtlsEndpoint(a, A, 1_400, io(toB, opened));
        DtlsEndpoint y = new DtlsEndpoint(b, B, 1_400, io(toA, opened));
        x.send(1, B, ByteBuffer.allocate(1));
        for (int i = 0; i < 100 && !(x.isEstablished(B) && y.isEstablished(A)); i++) {
            while (!toB.isEmpty()) {
                y.receive(1, A, toB.poll());
            }
            while (!toA.isEmpty()) {
                x.receive(1, B, toA.poll());
            }
        }
        if (!(x.isEstablished(B) && y.isEstablished(A))) {
            throw new IllegalStateException("in-memory handshake did not complete");
        }
        toB.clear();
        opened[0] = 0;
        ByteBuffer payload = ByteBuffer.allocate(size);
        int rounds = 7;
        double[] seal = new double[rounds];
        double[] open = new double[rounds];
        ByteBuffer[] records = new ByteBuffer[perRound];
        int wire = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                payload.clear();
                x.send(2, B, payload);
                records[i] = toB.poll();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                y.receive(2, A, records[i]);
            }
            long t2 = System.nanoTime();
            wire = records[0].limit();
            seal[r] = (t1 - t0) / 1e3 / perRound;
            open[r] = (t2 - t1) / 1e3 / perRound;
        }
        if (opened[0] != rounds * perRound) {
            throw new IllegalStateException("opened " + opened[0] + " of " + rounds * perRound);
        }
        if (!print) {
            return;
        }
        Arrays.sort(seal);
        Arrays.sort(open);
        System.out.printf("%5d B plaintext -> %5d B on the wire: seal %.2f us (median %.2f),"
                + " open %.2f us (median %.2f)%n",
                size, wire, seal[0], seal[rounds / 2], open[0], open[rounds / 2]);
    }

    private static DtlsEndpoint.Io io(ArrayDeque<ByteBuffer> out, int[] opened) {
        return new DtlsEndpoint.Io() {
            @Override
            public void transmit(InetSocketAddress to, ByteBuffer datagram) {
                out.add(datagram);
            }

            @Override
            public void deliver(InetSocketAddress from, ByteBuffer plaintext) {
                opened[0]++;
            }

            @Override
            public void wakeAt(long deadlineMicros) {
                // the measurement never waits for a timer
            }
        };
    }
}
