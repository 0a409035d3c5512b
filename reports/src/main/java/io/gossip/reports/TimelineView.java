package io.gossip.reports;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The membership during a scenario with a timeline (joins, crashes, partitions): view sizes and
 * live nodes over time, the coverage of each broadcast at its send time, and the timeline's
 * actions as markers, so the effect of each action can be seen where it happened.
 *
 * <p>Samples of different repetitions are not averaged (actions may fall at different times), so
 * one repetition is shown: the first point, SCAMP when present, the lowest repetition number.
 *
 * @param samples the timeline rows of that repetition, ordered by time
 * @param events the actions executed in that repetition, ordered by time
 * @param broadcasts the measured broadcasts of that point and repetition, every membership (an
 *     unmeasured one has no coverage to plot)
 */
record TimelineView(int point, String membership, int repetition, List<TimelineRow> samples,
        List<EventRow> events, List<BroadcastRow> broadcasts) {

    /** Above this many occurrences an action is counted rather than marked line by line. */
    static final int MAX_MARKED_PER_ACTION = 5;

    /** A vertical marker for one action: when, which action, and its own label. */
    record EventMarker(double tMs, String action, String label) {
    }

    /** The view of {@code run}'s timeline, or empty when it has fewer than two samples. */
    static Optional<TimelineView> of(RunData run) {
        List<TimelineRow> timeline = run.timeline();
        if (timeline.size() < 2) {
            return Optional.empty();
        }
        int point = timeline.stream().mapToInt(TimelineRow::point).min().getAsInt();
        List<TimelineRow> ofPoint = timeline.stream().filter(t -> t.point() == point).toList();
        String membership = Memberships.preferScamp(ofPoint, TimelineRow::membership).get(0);
        int repetition = ofPoint.stream().filter(t -> t.membership().equals(membership))
                .mapToInt(TimelineRow::repetition).min().getAsInt();
        List<TimelineRow> samples = ofPoint.stream()
                .filter(t -> t.membership().equals(membership) && t.repetition() == repetition)
                .sorted(Comparator.comparingDouble(TimelineRow::tMs))
                .toList();
        if (samples.size() < 2) {
            return Optional.empty();
        }
        List<EventRow> events = run.events().stream()
                .filter(e -> e.point() == point && e.membership().equals(membership)
                        && e.repetition() == repetition)
                .sorted(Comparator.comparingDouble(EventRow::tMs))
                .toList();
        List<BroadcastRow> broadcasts = run.measuredBroadcasts().stream()
                .filter(b -> b.point() == point && b.repetition() == repetition)
                .toList();
        return Optional.of(new TimelineView(point, membership, repetition, samples, events, broadcasts));
    }

    /** PartialView mean, min and max and InView mean over time. */
    XYSeriesCollection viewSizes() {
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(series("PartialView mean", TimelineRow::pvMean));
        dataset.addSeries(series("PartialView min", TimelineRow::pvMin));
        dataset.addSeries(series("PartialView max", TimelineRow::pvMax));
        dataset.addSeries(series("InView mean", TimelineRow::ivMean));
        return dataset;
    }

    /** The expected size (c+1)·ln(live nodes) over time. */
    XYSeriesCollection expectedSize() {
        return new XYSeriesCollection(series("expected (c+1)·ln n", TimelineRow::pvExpected));
    }

    /** Live nodes over time. */
    XYSeriesCollection liveNodes() {
        return new XYSeriesCollection(series("live nodes", t -> t.liveNodes()));
    }

    /** Coverage of each broadcast against its send time, one series per membership. */
    XYSeriesCollection broadcastCoverage() {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (String m : Memberships.present(broadcasts, BroadcastRow::membership)) {
            XYSeries series = new XYSeries(m, true, true);
            broadcasts.stream().filter(b -> b.membership().equals(m))
                    .forEach(b -> series.add(b.sentMs(), b.coverage()));
            dataset.addSeries(series);
        }
        return dataset;
    }

    /**
     * The stretch of time a chart's x axis spans, in ms; {@code wholeRun} when it is the whole run
     * (from 0 to a little past {@link #endMs}).
     */
    record TimeWindow(double fromMs, double toMs, boolean wholeRun) {
        boolean contains(double tMs) {
            return tMs >= fromMs && tMs <= toMs;
        }
    }

    /** The whole run on the time axis, from 0 to a little past the last sample, broadcast or action. */
    TimeWindow wholeRun() {
        double end = endMs();
        return new TimeWindow(0, end > 0 ? end * 1.03 : 1, true);
    }

    /**
     * The x axis of the broadcast-coverage chart. Broadcasts often follow a long join phase (1,000
     * nodes joining a second apart, then 20 broadcasts a second apart): on the whole run's axis
     * their dots stood in one column at its right edge, one on top of the other. So when the
     * broadcasts, with a twentieth of their span (at least a second) on either side, take less
     * than half of the run, the axis spans only them; the other timeline charts show the whole run.
     */
    TimeWindow broadcastWindow() {
        TimeWindow whole = wholeRun();
        if (broadcasts.isEmpty()) {
            return whole;
        }
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (BroadcastRow b : broadcasts) {
            first = Math.min(first, b.sentMs());
            last = Math.max(last, b.sentMs());
        }
        double margin = Math.max((last - first) / 20, 1000);
        double from = Math.max(0, first - margin);
        double to = last + margin;
        return to - from < endMs() / 2 ? new TimeWindow(from, to, false) : whole;
    }

    /** The latest time of any sample, broadcast or action: where the time axis must end. */
    double endMs() {
        double end = samples.get(samples.size() - 1).tMs();
        for (BroadcastRow b : broadcasts) {
            end = Math.max(end, b.sentMs());
        }
        for (EventRow e : events) {
            end = Math.max(end, e.tMs());
        }
        return end;
    }

    /**
     * One marker per executed action, except for actions that happen more than
     * {@link #MAX_MARKED_PER_ACTION} times (each churn join and leave, each of many broadcasts):
     * a line for each would hide the data, so those are counted in {@link #unmarked} instead. The
     * start and end of a churn are single actions and stay marked.
     */
    List<EventMarker> markers() {
        Map<String, Integer> counts = actionCounts();
        return events.stream()
                .filter(e -> counts.get(e.action()) <= MAX_MARKED_PER_ACTION)
                .map(e -> new EventMarker(e.tMs(), e.action(), e.label()))
                .toList();
    }

    /** The actions left unmarked, with how often each happened, in order of first occurrence. */
    Map<String, Integer> unmarked() {
        Map<String, Integer> unmarked = new LinkedHashMap<>();
        actionCounts().forEach((action, count) -> {
            if (count > MAX_MARKED_PER_ACTION) {
                unmarked.put(action, count);
            }
        });
        return unmarked;
    }

    private Map<String, Integer> actionCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        events.forEach(e -> counts.merge(e.action(), 1, Integer::sum));
        return counts;
    }

    private XYSeries series(String name, ToDoubleFunction<TimelineRow> value) {
        XYSeries series = new XYSeries(name, true, true);
        samples.forEach(t -> series.add(t.tMs(), value.applyAsDouble(t)));
        return series;
    }
}
