package io.gossip.bench.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of one profile, counted by {@link LoopParts} for the loop's thread and by role for
 * every other thread. Reads async-profiler's collapsed stacks taken with its {@code threads}
 * option: one line per stack, {@code [thread name tid=N];frame;frame;... count}, the caller first.
 */
final class SampleTally {
    /** The roles of threads other than the loop's, in report order. */
    static final List<String> OTHER_ROLES = List.of("appender (the loop's second thread)", "the collector's threads",
            "the JIT compiler's threads", "other threads");
    private static final String APPENDER = "io/gossip/sim/engine/WheelAppender.";

    private final Map<String, Long> byPart = new LinkedHashMap<>();
    private final Map<String, Long> byRole = new LinkedHashMap<>();

    private SampleTally(List<LoopParts.Part> parts) {
        for (LoopParts.Part part : parts) {
            byPart.put(part.name(), 0L);
        }
        for (String role : OTHER_ROLES) {
            byRole.put(role, 0L);
        }
    }

    /**
     * Counts {@code collapsed}: a stack with {@code loopFrame} on it is the loop's, split by
     * {@code parts}; any other goes to its thread's role.
     *
     * @throws IllegalArgumentException if a line is not a stack followed by a count
     */
    static SampleTally of(String collapsed, List<LoopParts.Part> parts, String loopFrame) {
        SampleTally tally = new SampleTally(parts);
        for (String line : collapsed.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            long count;
            try {
                count = space < 0 ? -1 : Long.parseLong(line.substring(space + 1));
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0) {
                throw new IllegalArgumentException("not a collapsed stack and its count: " + line);
            }
            String[] frames = line.substring(0, space).split(";");
            if (List.of(frames).contains(loopFrame)) {
                tally.byPart.merge(LoopParts.partOf(parts, frames), count, Long::sum);
            } else {
                tally.byRole.merge(role(frames), count, Long::sum);
            }
        }
        return tally;
    }

    private static String role(String[] frames) {
        for (String frame : frames) {
            if (frame.startsWith(APPENDER)) {
                return OTHER_ROLES.get(0);
            }
        }
        String thread = frames[0].startsWith("[") ? frames[0] : "";
        if (thread.contains("GC") || thread.contains("G1 ")) {
            return OTHER_ROLES.get(1);
        }
        if (thread.contains("CompilerThre")) { // the kernel keeps 15 characters of a thread's name
            return OTHER_ROLES.get(2);
        }
        return OTHER_ROLES.get(3);
    }

    /** Samples of the loop's thread in each part, in the parts' order. */
    Map<String, Long> loopByPart() {
        return byPart;
    }

    /** Samples of the loop's thread. */
    long loopSamples() {
        return byPart.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Samples of the other threads by role, in {@link #OTHER_ROLES}'s order. */
    Map<String, Long> otherByRole() {
        return byRole;
    }
}
