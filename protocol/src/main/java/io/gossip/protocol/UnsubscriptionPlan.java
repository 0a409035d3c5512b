package io.gossip.protocol;

/**
 * What a leaving node tells each of its in-neighbours, by the paper's rule.
 *
 * <p>With PartialView {@code j1..jl} and InView {@code i1..il'}: in-neighbour {@code i(m)} for
 * {@code m = 1 .. l'−c−1} is told to replace the leaver with {@code j(1 + (m−1) mod l)}; the last
 * {@code c+1} in-neighbours are told to remove it. When {@code l' ≤ c+1} or {@code l = 0}, every
 * in-neighbour is told to remove it. The arc count then falls by about the mean view size plus
 * {@code c+1}, which is what keeps the mean view size near {@code (c+1)·ln n'} as the group shrinks.
 */
public final class UnsubscriptionPlan {
    private UnsubscriptionPlan() {
    }

    /**
     * How many in-neighbours (the first ones) get a {@code Replace}; the rest get a {@code Remove}.
     *
     * @param partialViewSize the leaver's PartialView size {@code l}, {@code >= 0}
     * @param inViewSize the leaver's InView size {@code l'}, {@code >= 0}
     * @param c the configuration's {@code c}, {@code >= 0}
     * @return {@code l' - c - 1}, or 0 when {@code l = 0} or {@code l' <= c + 1}
     */
    public static int replaceCount(int partialViewSize, int inViewSize, int c) {
        if (partialViewSize == 0 || inViewSize <= c + 1) {
            return 0;
        }
        return inViewSize - c - 1;
    }

    /**
     * Index into the PartialView of the replacement for the in-neighbour at 0-based InView index
     * {@code m0} (the paper's {@code j(1 + (m−1) mod l)} with {@code m = m0 + 1}).
     *
     * @param m0 the in-neighbour's 0-based InView index, {@code >= 0}
     * @param partialViewSize the leaver's PartialView size, {@code > 0}
     * @return {@code m0 mod partialViewSize}, an index in [0, partialViewSize)
     * @throws ArithmeticException if {@code partialViewSize} is 0
     */
    public static int replacementIndex(int m0, int partialViewSize) {
        return m0 % partialViewSize;
    }
}
