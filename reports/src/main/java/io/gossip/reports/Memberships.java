package io.gossip.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The order memberships appear in on every chart: SCAMP first, the global baseline second, so
 * SCAMP always gets the first colour of the palette.
 */
final class Memberships {
    static final List<String> ORDER = List.of(CsvRow.SCAMP, CsvRow.GLOBAL);

    private Memberships() {
    }

    /** The memberships that occur in {@code rows}, in chart order. */
    static <T> List<String> present(Collection<T> rows, Function<T, String> membership) {
        List<String> present = new ArrayList<>();
        for (String m : ORDER) {
            if (rows.stream().anyMatch(r -> membership.apply(r).equals(m))) {
                present.add(m);
            }
        }
        return present;
    }

    /** How captions name a membership: {@code SCAMP}, {@code the global-knowledge baseline}. */
    static String displayName(String membership) {
        return switch (membership) {
            case CsvRow.SCAMP -> "SCAMP";
            case CsvRow.GLOBAL -> "the global-knowledge baseline";
            default -> membership;
        };
    }

    /** A short name for counts: {@code SCAMP}, {@code baseline}. */
    static String shortName(String membership) {
        return membership.equals(CsvRow.GLOBAL) ? "baseline" : displayName(membership);
    }

    /** {@code SCAMP and the global-knowledge baseline}: the memberships present, named, in order. */
    static String named(List<String> present) {
        return String.join(" and ", present.stream().map(Memberships::displayName).toList());
    }

    /**
     * How a caption says which colour is which: {@code for SCAMP} when one membership is present,
     * {@code one colour per membership (SCAMP and the global-knowledge baseline)} otherwise.
     */
    static String colours(List<String> present) {
        return present.size() == 1 ? "for " + named(present)
                : "one colour per membership (" + named(present) + ")";
    }

    /** SCAMP when the rows have it, else the baseline; empty when there are no rows. */
    static <T> List<String> preferScamp(Collection<T> rows, Function<T, String> membership) {
        List<String> present = present(rows, membership);
        return present.isEmpty() ? present : List.of(present.get(0));
    }
}
