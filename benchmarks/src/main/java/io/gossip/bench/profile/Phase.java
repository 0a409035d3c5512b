package io.gossip.bench.profile;

import java.util.Locale;

/** The part of a run {@code ./bench profile} samples: the joins, the broadcasts, or all of it. */
enum Phase {
    JOIN("the join phase"),
    BROADCAST("the broadcast phase"),
    RUN("the whole run");

    private final String description;

    Phase(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The name on the command line and in file names: {@code join}, {@code broadcast}, {@code run}. */
    String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Of a run's deliveries ({@code all}) and its broadcast phase's, those of this phase. */
    long deliveries(long all, long broadcastPhase) {
        return switch (this) {
            case JOIN -> all - broadcastPhase;
            case BROADCAST -> broadcastPhase;
            case RUN -> all;
        };
    }

    /** Of a run's loop time ({@code all}) and its broadcast phase's, this phase's. */
    double seconds(double all, double broadcastPhase) {
        return switch (this) {
            case JOIN -> all - broadcastPhase;
            case BROADCAST -> broadcastPhase;
            case RUN -> all;
        };
    }

    static Phase of(String option) {
        for (Phase phase : values()) {
            if (phase.option().equals(option)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("--phase must be join, broadcast or run, got '" + option + "'");
    }
}
