package io.gossip.sim.scenario;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?" for misspelled keys, values and commands, by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The closest candidate to {@code typed} (case-insensitive edit distance), when it is close
     * enough to be a plausible typo: at most a third of the longer word's length, and at least 1.
     */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typed.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.max(typed.length(), best.length()) / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** " did you mean 'x'?" or the empty string. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(s -> " Did you mean '" + s + "'?").orElse("");
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of two adjacent
     * characters (each 1): "scmap" is one edit from "scamp".
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
