package io.gossip.sim.network;

import io.gossip.sim.scenario.LossSpec;
import java.util.SplittableRandom;

/**
 * Decides whether a message arriving at a node is lost.
 *
 * <p>{@link LossSpec.Independent}: each message is lost with the same probability, independently.
 * {@link LossSpec.GilbertElliott}: each receiving node has its own two-state Markov chain (good,
 * bad), all starting in the good state; for every message arriving at that node the chain first
 * steps (good→bad with {@code goodToBad}, bad→good with {@code badToGood}) and the message is then
 * lost with the new state's loss probability. Bursts are therefore per receiver: one node behind a
 * bad link loses a run of consecutive messages whoever sent them.
 */
public final class LossModel {
    private final double probability;
    private final LossSpec.GilbertElliott burst;
    private final boolean[] bad;

    /**
     * @param spec the loss model
     * @param nodes number of node slots (the Gilbert–Elliott model keeps one bit of state per node)
     */
    public LossModel(LossSpec spec, int nodes) {
        if (spec instanceof LossSpec.GilbertElliott ge) {
            this.burst = ge;
            this.bad = new boolean[nodes];
            this.probability = 0;
        } else {
            this.burst = null;
            this.bad = null;
            this.probability = ((LossSpec.Independent) spec).probability();
        }
    }

    /** Whether the next message arriving at {@code receiver} is lost; steps that node's chain. */
    public boolean lose(int receiver, SplittableRandom random) {
        if (burst == null) {
            return probability > 0 && random.nextDouble() < probability;
        }
        boolean wasBad = bad[receiver];
        boolean nowBad = wasBad ? random.nextDouble() >= burst.badToGood() : random.nextDouble() < burst.goodToBad();
        bad[receiver] = nowBad;
        double p = nowBad ? burst.lossInBad() : burst.lossInGood();
        return p > 0 && random.nextDouble() < p;
    }

    /**
     * The long-run fraction of messages lost at one receiver: {@code p} for independent loss,
     * {@code π_bad·lossInBad + π_good·lossInGood} with {@code π_bad = goodToBad / (goodToBad +
     * badToGood)} for Gilbert–Elliott.
     */
    public static double stationaryLossRate(LossSpec spec) {
        if (spec instanceof LossSpec.GilbertElliott ge) {
            double sum = ge.goodToBad() + ge.badToGood();
            double piBad = sum == 0 ? 0 : ge.goodToBad() / sum;
            return piBad * ge.lossInBad() + (1 - piBad) * ge.lossInGood();
        }
        return ((LossSpec.Independent) spec).probability();
    }
}
