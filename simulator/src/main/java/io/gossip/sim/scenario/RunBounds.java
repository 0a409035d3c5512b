package io.gossip.sim.scenario;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * What one run may ask the result files and the engine's bookkeeping to hold. Every value of a
 * scenario can be right on its own and the whole still ask for more rows or memory than any machine
 * has: a sample every microsecond of a day-long run. Each bound here is far above what a study asks
 * (the shipped scenarios stay orders of magnitude below) and below what cannot fit; a scenario past
 * one is refused before anything runs, at the key that asks for it, with the figure it comes to
 * and the value that would do (docs/scenarios.md, "Bounds").
 */
final class RunBounds {
    /**
     * Rows of timeline.csv per run. Each sample is held in memory until the run ends and then
     * written: 10^7 of them ran in a 768 MB heap (not in 512 MB) and wrote 418 MB of timeline.csv.
     * The shipped scenarios take at most about 10,000 (a sample every 10 s of a 28-hour run).
     */
    static final long MAX_TIMELINE_SAMPLES = 10_000_000;

    /**
     * Broadcasts per run, the timeline's broadcast counts added up. Each keeps about 400 B until the
     * run ends (the tracker's figures, its result and its coverage curve: 10^6 broadcasts in a group
     * of two ran in a 512 MB heap, not in 384 MB) and is a row of broadcasts.csv, events.csv and at
     * least one of coverage.csv (170 MB for those 10^6). The shipped scenarios send at most 60.
     */
    static final long MAX_BROADCASTS_PER_RUN = 1_000_000;

    private RunBounds() {
    }

    /**
     * Timeline samples of a run of {@code durationMillis} sampled every {@code sampleMillis} (0: none):
     * the engine samples at 0 and every interval up to the end included, on its microsecond clock.
     */
    static long timelineSamples(double durationMillis, double sampleMillis) {
        long step = micros(sampleMillis);
        return step == 0 ? 0 : micros(durationMillis) / step + 1;
    }

    /** {@link #timelineSamples(double, double)} of a scenario's runs. */
    static long timelineSamples(Scenario scenario) {
        return timelineSamples(scenario.durationMillis(), scenario.output().timelineSampleMillis());
    }

    /**
     * Refuses more than {@link #MAX_TIMELINE_SAMPLES} per run, at {@code output.timelineSampleMillis}
     * (which must then be written under {@code output}).
     */
    static Void checkTimelineSamples(YamlNode output, double durationMillis, double sampleMillis)
            throws ScenarioException {
        long samples = timelineSamples(durationMillis, sampleMillis);
        if (samples <= MAX_TIMELINE_SAMPLES) {
            return null;
        }
        // The shortest interval, on the microsecond clock, for which duration / interval + 1 fits.
        long least = micros(durationMillis) / MAX_TIMELINE_SAMPLES + 1;
        YamlNode written = ((YamlNode.Mapping) output).get("timelineSampleMillis");
        throw new ScenarioException(written.location(), "output.timelineSampleMillis: " + grouped(sampleMillis)
                + " over " + grouped(micros(durationMillis) / 1000.0) + " ms of run gives " + grouped(samples)
                + " timeline samples per run; at most " + grouped(MAX_TIMELINE_SAMPLES) + " (each is held in memory"
                + " until the run ends and is a row of timeline.csv): raise timelineSampleMillis to at least "
                + grouped(least / 1000.0) + ", or set it to 0 for no timeline");
    }

    /** The broadcasts of a run: the counts of {@code timeline}'s broadcast actions added up. */
    static long broadcasts(List<TimelineAction> timeline) {
        long total = 0;
        for (TimelineAction action : timeline) {
            if (action instanceof TimelineAction.Broadcast broadcast) {
                total += broadcast.count();
            }
        }
        return total;
    }

    /**
     * Refuses {@code broadcasts} (those of the timeline up to the action {@code path}, written as
     * {@code action}) past {@link #MAX_BROADCASTS_PER_RUN}, at the action's count.
     */
    static void checkBroadcasts(long broadcasts, YamlNode.Mapping action, String path) throws ScenarioException {
        if (broadcasts <= MAX_BROADCASTS_PER_RUN) {
            return;
        }
        YamlNode count = action.get("count");
        throw new ScenarioException(count == null ? action.location() : count.location(), path + ".count: the "
                + "broadcasts up to this action add up to " + grouped(broadcasts) + " per run; at most "
                + grouped(MAX_BROADCASTS_PER_RUN) + " (each keeps about 400 B of memory until the run ends and is a"
                + " row of broadcasts.csv, coverage.csv and events.csv): send fewer per run, or spread them over"
                + " repetitions");
    }

    /** Milliseconds on the engine's microsecond clock, rounded as the engine rounds them. */
    private static long micros(double millis) {
        return Math.round(millis * 1000);
    }

    /** {@code 100,000,000}, {@code 0.001}, {@code 10.5}: plain, with thousands separated, up to six decimals. */
    static String grouped(double value) {
        return new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
