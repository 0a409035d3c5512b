package io.gossip.sim.fuzz;

import io.gossip.protocol.IdTable;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Walk;
import io.gossip.udp.EventLoop;
import io.gossip.udp.MessageId;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.PeerAddress;
import io.gossip.udp.TransportDropReason;
import io.gossip.udp.cluster.LoopbackCluster;
import io.gossip.udp.wire.DecodeException;
import io.gossip.udp.wire.RejectReason;
import io.gossip.udp.wire.WireCodec;
import io.gossip.udp.wire.WireFormat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Throws hostile datagrams at one live node of a loopback cluster and checks it survives: starts
 * the cluster, lets it settle, sends {@link DatagramMutator} output from a separate socket for the
 * given time, waits for the target to drain its socket, then checks for crashes on every loop
 * thread and that a fresh broadcast from the target, and one to it, reach every node.
 */
public final class Fuzzer {
    /** Index of the node the datagrams are thrown at (not the bootstrap node). */
    static final int TARGET = 1;
    private static final int LOOP_THREADS = 2;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BROADCAST_TIMEOUT = Duration.ofSeconds(10);
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Datagrams sent between two looks at the clock. */
    private static final int BATCH = 64;

    private Fuzzer() {
    }

    /**
     * Runs the fuzzing and its checks.
     *
     * @param progress receives a line every ten seconds of sending
     * @throws IOException if a socket cannot be opened or the cluster does not form
     */
    public static FuzzReport run(FuzzOptions options, Consumer<String> progress) throws IOException {
        ProtocolConfig protocol = ProtocolConfig.defaults();
        WireCodec codec = new WireCodec(WireFormat.DEFAULT_MAX_DATAGRAM_BYTES, protocol.maxPayloadBytes());
        try (LoopbackCluster cluster = LoopbackCluster.start(new LoopbackCluster.Options(options.nodes(), protocol,
                LOOP_THREADS, options.seed(), null));
                DatagramChannel attacker = DatagramChannel.open()) {
            cluster.joinAll(Duration.ofMillis(10));
            if (!cluster.awaitSettled(SETTLE_TIMEOUT)) {
                throw new IOException("the " + options.nodes() + "-node cluster did not settle in " + SETTLE_TIMEOUT);
            }
            attacker.bind(new InetSocketAddress(cluster.address(0).ip(), 0));
            PeerAddress self = PeerAddress.of((InetSocketAddress) attacker.getLocalAddress());
            List<PeerAddress> named = new ArrayList<>();
            for (int i = 0; i < cluster.size(); i++) {
                named.add(cluster.address(i));
            }
            named.add(self);
            SplittableRandom random = new SplittableRandom(options.seed());
            FuzzCorpus corpus = FuzzCorpus.build(codec, self, named, random.split());
            DatagramMutator mutator = new DatagramMutator(corpus, random.split(), codec.maxDatagramBytes());

            Set<EventLoop> loops = new LinkedHashSet<>();
            for (int i = 0; i < cluster.size(); i++) {
                loops.add(cluster.node(i).eventLoop());
            }
            LoopWatch watch = LoopWatch.install(loops);
            long coreErrorsBefore = coreErrors(cluster);
            NodeMetrics before = cluster.node(TARGET).metrics();

            Sending sending = send(options, attacker, cluster.address(TARGET).toSocketAddress(), mutator, codec,
                    () -> cluster.node(TARGET).metrics(), progress);
            awaitDrained(cluster);

            NodeMetrics after = cluster.node(TARGET).metrics();
            EventLoop targetLoop = cluster.node(TARGET).eventLoop();
            FuzzReport.AddressTable table = new FuzzReport.AddressTable(targetLoop.idTableSize(),
                    targetLoop.releasedIdCount(), targetLoop.idSweepCount());
            FuzzReport.Crashes crashes = new FuzzReport.Crashes(watch.uncaught(), watch.loopErrors(),
                    coreErrors(cluster) - coreErrorsBefore, watch.deadThreads(), watch.uncaughtText());
            FuzzReport.BroadcastCheck fromTarget = broadcast(cluster, TARGET);
            FuzzReport.BroadcastCheck toTarget = broadcast(cluster, 0);
            long[] rejected = new long[RejectReason.count()];
            for (RejectReason r : RejectReason.values()) {
                rejected[r.ordinal()] = after.rejected(r) - before.rejected(r);
            }
            return new FuzzReport(options, cluster.address(TARGET), sending.sentByKind, sending.millis,
                    sending.valid, sending.withheld, sending.predictedRejected,
                    after.datagramsReceived() - before.datagramsReceived(), rejected, crashes, after.partialViewSize(),
                    after.inViewSize(), table, fromTarget, toTarget);
        }
    }

    /** What the sending loop did. */
    private record Sending(long[] sentByKind, long millis, long valid, long withheld, long[] predictedRejected) {
    }

    private static Sending send(FuzzOptions options, DatagramChannel attacker, InetSocketAddress target,
            DatagramMutator mutator, WireCodec codec, Supplier<NodeMetrics> targetMetrics,
            Consumer<String> progress) throws IOException {
        long[] sentByKind = new long[DatagramMutator.Kind.values().length];
        long[] predicted = new long[RejectReason.count()];
        long valid = 0;
        long withheld = 0;
        long sent = 0;
        IdTable<PeerAddress> scratchIds = new IdTable<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(options.durationMillis());
        long nextProgress = start + PROGRESS_EVERY_NANOS;
        double nanosPerDatagram = options.ratePerSecond() == 0 ? 0 : 1e9 / options.ratePerSecond();
        long now = start;
        while (now < end) {
            for (int b = 0; b < BATCH; b++) {
                DatagramMutator.Kind kind = mutator.nextKind();
                byte[] datagram = mutator.next(kind);
                try {
                    Message message = codec.decode(ByteBuffer.wrap(datagram), scratchIds).message();
                    if (renewalCopies(message) > options.maxRenewalCopies()) {
                        withheld++;
                        continue;
                    }
                    valid++;
                } catch (DecodeException e) {
                    predicted[e.reason().ordinal()]++;
                }
                attacker.send(ByteBuffer.wrap(datagram), target);
                sentByKind[kind.ordinal()]++;
                sent++;
            }
            if (scratchIds.size() > 4_096) {
                scratchIds = new IdTable<>(); // the fuzzer's own table, kept small
            }
            now = System.nanoTime();
            if (nanosPerDatagram > 0) {
                long due = start + (long) (sent * nanosPerDatagram);
                if (due > now) {
                    LockSupport.parkNanos(due - now); // pacing to the asked rate
                    now = System.nanoTime();
                }
            }
            if (now >= nextProgress) {
                nextProgress += PROGRESS_EVERY_NANOS;
                progress.accept(String.format(Locale.ROOT, "fuzz: %d s, %,d sent, %,d received by the target",
                        TimeUnit.NANOSECONDS.toSeconds(now - start), sent, targetMetrics.get().datagramsReceived()));
            }
        }
        return new Sending(sentByKind, TimeUnit.NANOSECONDS.toMillis(now - start), valid, withheld, predicted);
    }

    private static int renewalCopies(Message message) {
        if (message instanceof Subscribe s) {
            return s.renewalCopies();
        }
        return message instanceof Walk w ? w.renewalCopies() : 0;
    }

    /** Waits until the target's rejection count stops moving: it has read what the socket held. */
    private static void awaitDrained(LoopbackCluster cluster) {
        long[] last = {-1};
        long[] stableSince = {System.nanoTime()};
        LoopbackCluster.awaitCondition(() -> {
            long rejected = cluster.node(TARGET).metrics().totalRejected();
            long now = System.nanoTime();
            if (rejected != last[0]) {
                last[0] = rejected;
                stableSince[0] = now;
                return false;
            }
            return now - stableSince[0] >= TimeUnit.MILLISECONDS.toNanos(300);
        }, DRAIN_TIMEOUT);
    }

    private static long coreErrors(LoopbackCluster cluster) {
        long total = 0;
        for (NodeMetrics m : cluster.liveMetrics()) {
            total += m.dropped(TransportDropReason.INTERNAL_ERROR);
        }
        return total;
    }

    private static FuzzReport.BroadcastCheck broadcast(LoopbackCluster cluster, int origin) {
        long start = System.nanoTime();
        MessageId id = cluster.broadcast(origin, ("after fuzzing, from node " + origin).getBytes(
                StandardCharsets.UTF_8));
        cluster.awaitCoverage(id, 1.0, BROADCAST_TIMEOUT);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int eligible = 0;
        int reached = 0;
        for (int i = 0; i < cluster.size(); i++) {
            if (i != origin && cluster.isAlive(i)) {
                eligible++;
                reached += cluster.deliveries(i).delivered(id) ? 1 : 0;
            }
        }
        return new FuzzReport.BroadcastCheck(origin, reached, eligible, millis);
    }
}
