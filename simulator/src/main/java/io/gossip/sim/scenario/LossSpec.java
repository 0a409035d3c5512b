package io.gossip.sim.scenario;

/** How the network loses messages. */
public sealed interface LossSpec {
    /** Each message is lost independently with {@code probability}. */
    record Independent(double probability) implements LossSpec {
        public Independent {
            Ranges.probability("loss.probability", probability);
        }
    }

    /**
     * Gilbert–Elliott bursty loss: a two-state (good/bad) Markov chain per receiving node, stepped
     * once per message arriving there, losing with {@code lossInGood} or {@code lossInBad}.
     */
    record GilbertElliott(double goodToBad, double badToGood, double lossInGood, double lossInBad)
            implements LossSpec {
        public GilbertElliott {
            Ranges.probability("loss.goodToBad", goodToBad);
            Ranges.probability("loss.badToGood", badToGood);
            Ranges.probability("loss.lossInGood", lossInGood);
            Ranges.probability("loss.lossInBad", lossInBad);
        }
    }

    /** No loss. */
    static LossSpec none() {
        return new Independent(0);
    }
}
