package io.gossip.sim.engine;

import io.gossip.sim.results.Decimal;
import io.gossip.sim.scenario.TimelineAction;
import java.util.SplittableRandom;

/**
 * One churn action: two independent Poisson processes from {@code atMillis} to {@code untilMillis},
 * joins (next unused slot, uniform contact, while slots last) and leaves (a uniformly random live
 * member, graceful or crashing). Each join or leave is an {@code events.csv} row; a summary row
 * closes the action.
 */
final class ChurnProcess {
    /**
     * The longest gap drawn: beyond the end of any run (at most 10^15 µs), so a step this far away is
     * never run, as one further away would not be; and the clock plus it still fits a long.
     */
    static final long MAX_GAP_MICROS = Long.MAX_VALUE / 4;

    private final TimelineGroup group;
    private final SplittableRandom random;
    private final TimelineAction.Churn churn;
    private final long untilMicros;
    private int joins;
    private int leaves;

    ChurnProcess(TimelineGroup group, SplittableRandom random, TimelineAction.Churn churn) {
        this.group = group;
        this.random = random;
        this.churn = churn;
        this.untilMicros = TimelineDriver.micros(churn.untilMillis());
    }

    void start(long nowMicros) {
        group.record("churn", "joins_per_s=" + Decimal.of(churn.joinsPerSecond()) + " leaves_per_s="
                + Decimal.of(churn.leavesPerSecond()) + " crash=" + churn.crash() + " until_ms="
                + Decimal.of(churn.untilMillis()));
        if (churn.joinsPerSecond() > 0) {
            group.schedule(nowMicros + gapMicros(churn.joinsPerSecond()), this::joinOne);
        }
        if (churn.leavesPerSecond() > 0) {
            group.schedule(nowMicros + gapMicros(churn.leavesPerSecond()), this::leaveOne);
        }
        group.schedule(untilMicros, t -> group.record("churn-end", "joins=" + joins + " leaves=" + leaves));
    }

    private void joinOne(long nowMicros) {
        if (nowMicros >= untilMicros) {
            return;
        }
        int node = group.joinNext(true);
        if (node < 0) {
            return; // no unused slot left: the join process ends
        }
        joins++;
        group.record("churn-join", "node=" + node);
        group.schedule(nowMicros + gapMicros(churn.joinsPerSecond()), this::joinOne);
    }

    private void leaveOne(long nowMicros) {
        if (nowMicros >= untilMicros) {
            return;
        }
        NodeTable table = group.table();
        if (table.liveCount() > 0) {
            int node = table.liveAt(random.nextInt(table.liveCount()));
            if (churn.crash()) {
                group.crash(node);
            } else {
                group.unsubscribe(node);
            }
            leaves++;
            group.record("churn-leave", "node=" + node + (churn.crash() ? " crash" : " graceful"));
        }
        group.schedule(nowMicros + gapMicros(churn.leavesPerSecond()), this::leaveOne);
    }

    /**
     * An exponential inter-arrival time for {@code ratePerSecond}, at least one microsecond and at
     * most {@link #MAX_GAP_MICROS}: a rate so small that the gap rounds to Long.MAX_VALUE (any rate
     * > 0 is valid, down to 4.9e-324) would otherwise wrap the clock it is added to into the past.
     */
    private long gapMicros(double ratePerSecond) {
        double seconds = -Math.log(1 - random.nextDouble()) / ratePerSecond;
        return Math.min(MAX_GAP_MICROS, Math.max(1, Math.round(seconds * 1e6)));
    }
}
