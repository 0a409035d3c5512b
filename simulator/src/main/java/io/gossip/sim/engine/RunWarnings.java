package io.gossip.sim.engine;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.message.MessageType;
import java.util.Locale;

/**
 * What a run says while it goes on ({@link ProgressSink#warning}), each at most once per run: a
 * broadcast of the timeline skipped, and the two ways a scenario's copies can outlive what its
 * nodes remember. A node that has forgotten a
 * message takes a late copy of it for new and passes it on again, and so can the nodes it reaches:
 * where such copies are common they multiply until nothing holds them, and a run can then grow for
 * an hour before it is out of memory. So it is said as soon as it shows; the run goes on (it may be
 * what the user studies), and the result files count both ({@code redelivered},
 * {@code lateMembershipCopies}).
 */
final class RunWarnings {
    private RunWarnings() {
    }

    /**
     * Nodes have taken broadcast {@code b} for new again as often as there are nodes in its group
     * ({@link BroadcastTracker#delivered}): their duplicate memories forget it while copies travel.
     *
     * @param sentMicros when it was sent
     * @param nowMicros when the redeliveries reached {@code group}
     * @param group the nodes joined when it was sent
     * @param redelivered deliveries of it at nodes that already had it
     */
    static String redelivered(ProtocolConfig config, int b, long sentMicros, long nowMicros, int group,
            long redelivered) {
        long age = config.duplicateMemoryAgeMillis();
        String kept = age == 0 ? "0 (until pushed out)" : String.format(Locale.ROOT, "%,d", age);
        return String.format(Locale.ROOT, "broadcast %d (sent at %s) has been taken for new again %,d times"
                + " by %s, in a group of %,d nodes: their duplicate memories forget it while copies still travel"
                + " (protocol.duplicateMemoryCapacity %,d, duplicateMemoryAgeMillis %s), and each node that forgets"
                + " forwards it again. If the events keep climbing, the run is flooding and will grow until it is out"
                + " of memory; a larger or longer-lived duplicate memory stops it.", b, seconds(sentMicros),
                redelivered, seconds(nowMicros), group, config.duplicateMemoryCapacity(), kept);
    }

    /**
     * A copy of an acknowledged membership message of {@code type}, sent at {@code nowMicros},
     * travels {@code latencyMicros}, longer than a receiver remembers handling one
     * ({@link ProtocolConfig#retransmitHorizonMicros}).
     */
    static String lateMembershipCopy(ProtocolConfig config, long nowMicros, int type, long latencyMicros) {
        return String.format(Locale.ROOT, "a %s sent at %s takes %s to arrive, longer than the %s a receiver"
                + " remembers the membership messages it handled (the retransmission horizon of protocol.maxAttempts"
                + " %d and retransmitTimeoutMillis %,d): a copy that late may be handled twice, and a subscription"
                + " handled twice is forwarded twice. Such copies are counted (lateMembershipCopies in summary.json);"
                + " if they are common, forwarded subscriptions multiply and the run can grow until it is out of"
                + " memory. A latency tail within the horizon, or more attempts or a longer timeout, avoids it.",
                MessageType.ofOrdinal(type), seconds(nowMicros), seconds(latencyMicros),
                seconds(config.retransmitHorizonMicros()), config.maxAttempts(), config.retransmitTimeoutMillis());
    }

    /**
     * {@code cut} broadcasts, the first of them sent at {@code firstSentMicros}, still had
     * {@code copies} copies travelling that would arrive after the run's end at {@code endMicros}.
     */
    static String broadcastsCutByEnd(int cut, long copies, long firstSentMicros, long endMicros) {
        return String.format(Locale.ROOT, "%,d %s (%s at %s) still had %,d %s travelling when the run"
                + " ended at %s: %s coverage, reliability and delays count only what arrived before the end. Give"
                + " the run more time after the last broadcast (durationMillis, or drainMillis without it).", cut,
                cut == 1 ? "broadcast" : "broadcasts", cut == 1 ? "sent" : "the first sent", seconds(firstSentMicros),
                copies, copies == 1 ? "copy" : "copies", seconds(endMicros), cut == 1 ? "its" : "their");
    }

    /** A timeline broadcast at {@code nowMicros} is skipped: {@code source} is not live (-1: no node is). */
    static String broadcastSkipped(long nowMicros, int source) {
        String why = source < 0 ? "it has a random source, and no node is live"
                : "its source, node " + source + ", is not live (it has not joined yet, or it has gone)";
        return "the broadcast at " + seconds(nowMicros) + " is skipped: " + why + ". Every skipped broadcast is a"
                + " row of events.csv; a skipped broadcast is no row of broadcasts.csv and counts in no figure.";
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }
}
