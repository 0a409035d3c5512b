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

    /** SCAMP when the rows have it, else the baseline; empty when there are no rows. */
    static <T> List<String> preferScamp(Collection<T> rows, Function<T, String> membership) {
        List<String> present = present(rows, membership);
        return present.isEmpty() ? present : List.of(present.get(0));
    }
}
