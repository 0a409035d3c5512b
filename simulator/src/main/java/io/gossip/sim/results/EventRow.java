package io.gossip.sim.results;

/**
 * One executed timeline action, for {@code events.csv}.
 *
 * @param timeMicros virtual time it happened
 * @param action short action name ({@code join}, {@code broadcast}, {@code crash}, ...)
 * @param detail space-separated {@code key=value} pairs; never contains a comma
 */
public record EventRow(long timeMicros, String action, String detail) {
    public EventRow {
        if (detail.indexOf(',') >= 0 || action.indexOf(',') >= 0) {
            throw new IllegalArgumentException("event rows must not contain commas: " + detail);
        }
    }
}
