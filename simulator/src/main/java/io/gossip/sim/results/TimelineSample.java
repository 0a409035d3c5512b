package io.gossip.sim.results;

/**
 * The membership at one instant: live-member count and view-size statistics over live members.
 *
 * @param timeMicros virtual time of the sample
 * @param liveNodes live members
 * @param pvMean mean PartialView size (0 with no live member)
 * @param pvMin smallest PartialView
 * @param pvMax largest PartialView
 * @param ivMean mean InView size
 * @param pvExpected {@code (c+1)·ln(liveNodes)}
 */
public record TimelineSample(long timeMicros, int liveNodes, double pvMean, int pvMin, int pvMax,
        double ivMean, double pvExpected) {
}
