package io.gossip.sim.fuzz;

import io.gossip.udp.PeerAddress;
import io.gossip.udp.wire.RejectReason;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a fuzz run did and whether the target survived it. Counts of datagrams are exact; times
 * and rates are wall-clock figures and vary from run to run.
 *
 * @param options what was asked
 * @param target the node the datagrams were thrown at
 * @param sentByKind datagrams sent, indexed by {@link DatagramMutator.Kind#ordinal()}
 * @param sendingMillis wall-clock time spent sending
 * @param validSent datagrams sent that the node's codec decodes to a valid message (decoded by the
 *     fuzzer with a codec of the node's limits)
 * @param withheld valid datagrams not sent because they ask for more renewal copies than
 *     {@link FuzzOptions#maxRenewalCopies()}
 * @param predictedRejected datagrams sent that the codec rejects, by {@link RejectReason#ordinal()}
 * @param received datagrams the target read from its socket during the run, from every sender
 * @param rejected the target's decode rejections during the run, by {@link RejectReason#ordinal()}
 * @param crashes what went wrong on the cluster's loop threads
 * @param partialViewSize the target's PartialView size after the run
 * @param inViewSize the target's InView size after the run
 * @param addressTable the id table of the target's event loop after the run
 * @param fromTarget a fresh broadcast from the target afterwards
 * @param toTarget a fresh broadcast from another node afterwards
 */
public record FuzzReport(FuzzOptions options, PeerAddress target, long[] sentByKind, long sendingMillis,
        long validSent, long withheld, long[] predictedRejected, long received, long[] rejected, Crashes crashes,
        int partialViewSize, int inViewSize, AddressTable addressTable, BroadcastCheck fromTarget,
        BroadcastCheck toTarget) {

    /**
     * The id table of the target's event loop, which interns every address a datagram carries,
     * forged ones included, and releases in sweeps those its nodes no longer refer to.
     *
     * @param addresses addresses it holds after the run
     * @param released addresses sweeps released since the loop started
     * @param sweeps sweeps since the loop started
     */
    public record AddressTable(int addresses, long released, long sweeps) {
    }

    /**
     * Failures on the cluster's event-loop threads during the run: all must be 0.
     *
     * @param uncaught exceptions that escaped a loop thread
     * @param loopErrors exceptions a loop caught and survived (bugs)
     * @param coreErrors events abandoned because the protocol core threw ({@code INTERNAL_ERROR} drops)
     * @param deadThreads loop threads no longer alive
     * @param details the first uncaught exceptions, as text
     */
    public record Crashes(long uncaught, long loopErrors, long coreErrors, int deadThreads, List<String> details) {
        /** The sum of every count. */
        public long total() {
            return uncaught + loopErrors + coreErrors + deadThreads;
        }
    }

    /**
     * One broadcast made after the fuzzing, and whether it reached every other node.
     *
     * @param origin the broadcasting node's index in the cluster
     * @param reached nodes other than the origin that delivered it
     * @param eligible nodes other than the origin
     * @param millis wall-clock time until every node had it, or until the check gave up
     */
    public record BroadcastCheck(int origin, int reached, int eligible, long millis) {
        /** Whether every other node delivered it. */
        public boolean complete() {
            return reached == eligible;
        }
    }

    public FuzzReport {
        sentByKind = sentByKind.clone();
        predictedRejected = predictedRejected.clone();
        rejected = rejected.clone();
    }

    /** Every datagram sent. */
    public long sent() {
        long total = 0;
        for (long n : sentByKind) {
            total += n;
        }
        return total;
    }

    /** The target's rejections during the run, all reasons. */
    public long totalRejected() {
        long total = 0;
        for (long n : rejected) {
            total += n;
        }
        return total;
    }

    /** Datagrams sent that the codec rejects, every reason. */
    public long predictedRejectedTotal() {
        long total = 0;
        for (long n : predictedRejected) {
            total += n;
        }
        return total;
    }

    /** The checks that failed, empty if the run passed. */
    public List<String> failures() {
        List<String> out = new ArrayList<>();
        if (sent() == 0) {
            out.add("no datagram was sent");
        }
        if (crashes.total() != 0) {
            out.add("crashes: " + crashes.total());
        }
        for (RejectReason r : RejectReason.values()) {
            if (rejected[r.ordinal()] > predictedRejected[r.ordinal()]) {
                out.add("the target rejected " + rejected[r.ordinal()] + " datagrams as " + r
                        + " but only " + predictedRejected[r.ordinal()] + " such datagrams were sent");
            }
        }
        if (!fromTarget.complete()) {
            out.add("a broadcast from the target reached " + fromTarget.reached() + " of " + fromTarget.eligible()
                    + " nodes");
        }
        if (!toTarget.complete()) {
            out.add("a broadcast from node " + toTarget.origin() + " reached " + toTarget.reached() + " of "
                    + toTarget.eligible() + " nodes");
        }
        return out;
    }

    /** Writes the report as aligned text. */
    public void print(PrintWriter out) {
        long sent = sent();
        double seconds = Math.max(1, sendingMillis) / 1_000.0;
        out.printf(Locale.ROOT, "datagrams sent                %,13d  (%,.0f per second over %.1f s, wall clock)%n",
                sent, sent / seconds, seconds);
        for (DatagramMutator.Kind kind : DatagramMutator.Kind.values()) {
            out.printf(Locale.ROOT, "  %-27s %,13d%n", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    sentByKind[kind.ordinal()]);
        }
        out.printf(Locale.ROOT,
                "  valid messages among them   %,13d  (decoded by the fuzzer with the node's codec)%n", validSent);
        out.printf(Locale.ROOT,
                "  withheld, not sent           %,13d  (valid, asking for more than %d renewal copies)%n",
                withheld, options.maxRenewalCopies());
        out.printf(Locale.ROOT, "received by the target        %,13d  (from every sender, cluster traffic included)%n",
                received);
        out.printf(Locale.ROOT, "rejected by the target        %,13d  (sent with that defect in brackets)%n",
                totalRejected());
        for (RejectReason r : RejectReason.values()) {
            out.printf(Locale.ROOT, "  %-27s %,13d  (%,d)%n", r, rejected[r.ordinal()], predictedRejected[r.ordinal()]);
        }
        long predictedTotal = predictedRejectedTotal();
        out.printf(Locale.ROOT, "  read by the target          %12.1f %%  (of the malformed datagrams sent; the rest"
                + " overflowed its socket buffer)%n",
                predictedTotal == 0 ? 0.0 : 100.0 * totalRejected() / predictedTotal);
        out.printf(Locale.ROOT,
                "accepted as valid messages    %,13d  (received - rejected, cluster traffic included)%n",
                received - totalRejected());
        out.printf(Locale.ROOT, "crashes                       %,13d  (uncaught %d, loop errors %d, core errors %d,"
                + " dead loop threads %d)%n", crashes.total(), crashes.uncaught(), crashes.loopErrors(),
                crashes.coreErrors(), crashes.deadThreads());
        for (String detail : crashes.details()) {
            out.println("  " + detail);
        }
        out.printf(Locale.ROOT, "target views afterwards       PartialView %d, InView %d%n", partialViewSize,
                inViewSize);
        out.printf(Locale.ROOT, "target loop's address table   %,13d  (addresses held; %,d released by %,d sweeps)%n",
                addressTable.addresses(), addressTable.released(), addressTable.sweeps());
        printBroadcast(out, "broadcast from the target", fromTarget);
        printBroadcast(out, "broadcast from node " + toTarget.origin(), toTarget);
        List<String> failures = failures();
        out.println(failures.isEmpty() ? "result                        PASS" : "result                        FAIL");
        for (String f : failures) {
            out.println("  " + f);
        }
        out.flush();
    }

    private static void printBroadcast(PrintWriter out, String label, BroadcastCheck check) {
        out.printf(Locale.ROOT, "%-29s reached %d of %d nodes in %d ms%n", label, check.reached(), check.eligible(),
                check.millis());
    }
}
