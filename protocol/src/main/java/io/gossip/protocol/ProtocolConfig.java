package io.gossip.protocol;

import io.gossip.protocol.message.Subscribe;

/**
 * The immutable, validated configuration of one node. Durations are in milliseconds (the unit is
 * in every name); {@code 0} switches a periodic mechanism off where the field says so.
 *
 * <p>{@code c} is a per-node value: nodes of one group may use different ones.
 *
 * @param c extra copies of each new subscription (fault tolerance); mean PartialView size settles
 *     near {@code (c+1)·ln n}
 * @param forwardLimit hops after which a forwarded subscription is dropped (and counted as
 *     {@link DropReason#FORWARD_LIMIT}) and an indirection walk ends where it is (that node acts
 *     as the contact, nothing dropped); also the most copies a renewal can obtain. A copy travels
 *     about |PartialView| hops before it is kept, so the limit must be
 *     far above the view size: the default 400 drops about 1e-9 of copies at n = 10,000 with c = 1
 *     (view ≈ 18: e^(−400/19.4)) and about 1e-4 at n = 1,000,000 with c = 2 (view ≈ 41)
 * @param heartbeatPeriodMillis period of heartbeats to every PartialView member, 0 = none (then no
 *     isolation detection either)
 * @param isolationTimeoutMillis silence (no heartbeat or gossip received) after which a node
 *     re-subscribes, 0 = never; must exceed the heartbeat period
 * @param leaseDurationMillis lifetime of a subscription, 0 = subscriptions never expire
 * @param indirection whether a contact starts a random walk to pick the effective contact instead
 *     of handling a subscription itself
 * @param walkBudget initial budget of an indirection walk; each node visited subtracts
 *     1/(|PartialView|+|InView|), so a walk takes about {@code walkBudget × mean degree} steps
 *     (1.0 ≈ 2·|PartialView| hops, the length the paper suggests)
 * @param maxAttempts transmissions of a membership message before giving up (1 = the paper's
 *     unacknowledged model: no ack, no retransmission)
 * @param retransmitTimeoutMillis wait for an ack before the first retransmission; doubles at each
 *     further attempt, up to 64 times this value
 * @param duplicateMemoryCapacity gossip message ids remembered for duplicate detection (the
 *     oldest is forgotten first)
 * @param duplicateMemoryAgeMillis how long a message id is remembered, 0 = until pushed out by
 *     capacity
 * @param maxPayloadBytes largest application payload {@code broadcast} accepts
 * @param gossipHopLimit hops after which a gossip message is delivered but not forwarded, 0 = none
 */
public record ProtocolConfig(
        int c,
        int forwardLimit,
        long heartbeatPeriodMillis,
        long isolationTimeoutMillis,
        long leaseDurationMillis,
        boolean indirection,
        double walkBudget,
        int maxAttempts,
        long retransmitTimeoutMillis,
        int duplicateMemoryCapacity,
        long duplicateMemoryAgeMillis,
        int maxPayloadBytes,
        int gossipHopLimit) {

    /**
     * Largest {@code c}: a lease renewal asks for {@code c + 1} copies of its subscription, and a
     * subscription carries at most {@link Subscribe#MAX_RENEWAL_COPIES}; with more, the first renewal
     * failed. Every join also sends {@code c} extra copies, each resent until acknowledged, so a
     * {@code c} anywhere near this is already far beyond a study's (the paper's are below 10).
     */
    public static final int MAX_C = Subscribe.MAX_RENEWAL_COPIES - 1;

    /** Longest lease a subscription message can carry (it travels as an int of milliseconds). */
    public static final long MAX_LEASE_MILLIS = Integer.MAX_VALUE;

    /**
     * Longest heartbeat period, isolation timeout and duplicate memory age: 10^15 ms (about 31,700
     * years, so in effect "never"). The core adds them, in microseconds, to its clock: bounded
     * here, the sums fit a long whatever the clock reads in practice (a timeout near
     * {@code Long.MAX_VALUE / 1000} ms once wrapped round to a deadline in the past, and the node
     * woke up without end).
     */
    public static final long MAX_TIME_MILLIS = 1_000_000_000_000_000L;

    /**
     * Longest first retransmission timeout: {@link #MAX_TIME_MILLIS} / 1,024, so that a message's
     * whole schedule (at most 16 attempts, each wait at most {@value #MAX_BACKOFF_FACTOR} times the
     * first) stays within it.
     */
    public static final long MAX_RETRANSMIT_TIMEOUT_MILLIS = MAX_TIME_MILLIS / 1024;

    /**
     * Validates every field; the record's description says what each means.
     *
     * @param c extra copies of each new subscription, in [0, {@link #MAX_C}]
     * @param forwardLimit hops after which a subscription copy is dropped or a walk ends, {@code >= 1}
     * @param heartbeatPeriodMillis heartbeat period in ms, in [0, {@link #MAX_TIME_MILLIS}]; 0 = none
     * @param isolationTimeoutMillis silence in ms before re-subscribing, in [0, {@link #MAX_TIME_MILLIS}];
     *     0 = never, otherwise needs heartbeats and must exceed their period
     * @param leaseDurationMillis subscription lifetime in ms, in [0, {@link #MAX_LEASE_MILLIS}]; 0 = no lease
     * @param indirection whether a contact starts a random walk
     * @param walkBudget initial walk budget, finite and {@code > 0}
     * @param maxAttempts transmissions of a membership message, in [1, 16]
     * @param retransmitTimeoutMillis first retransmission timeout in ms, in
     *     [1, {@link #MAX_RETRANSMIT_TIMEOUT_MILLIS}]
     * @param duplicateMemoryCapacity message ids remembered, {@code >= 1}
     * @param duplicateMemoryAgeMillis how long an id is remembered in ms, in [0, {@link #MAX_TIME_MILLIS}];
     *     0 = until pushed out
     * @param maxPayloadBytes largest payload in bytes, {@code >= 0}
     * @param gossipHopLimit hops after which gossip is not forwarded, {@code >= 0}; 0 = none
     * @throws IllegalArgumentException naming the first field out of its range, and its value
     */
    public ProtocolConfig {
        require(c >= 0 && c <= MAX_C, "c must be in [0, " + MAX_C + "]", c);
        require(forwardLimit >= 1, "forwardLimit must be >= 1", forwardLimit);
        require(heartbeatPeriodMillis >= 0 && heartbeatPeriodMillis <= MAX_TIME_MILLIS,
                "heartbeatPeriodMillis must be in [0, " + MAX_TIME_MILLIS + "]", heartbeatPeriodMillis);
        require(isolationTimeoutMillis >= 0 && isolationTimeoutMillis <= MAX_TIME_MILLIS,
                "isolationTimeoutMillis must be in [0, " + MAX_TIME_MILLIS + "]", isolationTimeoutMillis);
        if (isolationTimeoutMillis > 0) {
            require(heartbeatPeriodMillis > 0,
                    "isolationTimeoutMillis needs heartbeats (heartbeatPeriodMillis > 0)", heartbeatPeriodMillis);
            require(isolationTimeoutMillis > heartbeatPeriodMillis,
                    "isolationTimeoutMillis must exceed heartbeatPeriodMillis (" + heartbeatPeriodMillis + ")",
                    isolationTimeoutMillis);
        }
        require(leaseDurationMillis >= 0 && leaseDurationMillis <= MAX_LEASE_MILLIS,
                "leaseDurationMillis must be in [0, " + MAX_LEASE_MILLIS + "]", leaseDurationMillis);
        if (!(walkBudget > 0) || !Double.isFinite(walkBudget)) {
            throw new IllegalArgumentException("walkBudget must be a finite number > 0, got " + walkBudget);
        }
        require(maxAttempts >= 1, "maxAttempts must be >= 1", maxAttempts);
        require(maxAttempts <= 16, "maxAttempts must be <= 16", maxAttempts);
        require(retransmitTimeoutMillis >= 1 && retransmitTimeoutMillis <= MAX_RETRANSMIT_TIMEOUT_MILLIS,
                "retransmitTimeoutMillis must be in [1, " + MAX_RETRANSMIT_TIMEOUT_MILLIS + "]",
                retransmitTimeoutMillis);
        require(duplicateMemoryCapacity >= 1, "duplicateMemoryCapacity must be >= 1", duplicateMemoryCapacity);
        require(duplicateMemoryAgeMillis >= 0 && duplicateMemoryAgeMillis <= MAX_TIME_MILLIS,
                "duplicateMemoryAgeMillis must be in [0, " + MAX_TIME_MILLIS + "]", duplicateMemoryAgeMillis);
        require(maxPayloadBytes >= 0, "maxPayloadBytes must be >= 0", maxPayloadBytes);
        require(gossipHopLimit >= 0, "gossipHopLimit must be >= 0", gossipHopLimit);
    }

    private static void require(boolean ok, String what, long value) {
        if (!ok) {
            throw new IllegalArgumentException(what + ", got " + value);
        }
    }

    /**
     * Defaults for a live deployment: c = 1, heartbeats every second, isolation after 10 s, no
     * lease, indirection on (newcomers usually know one seed address), 6 attempts starting at 250 ms,
     * 4,096 remembered message ids for 10 minutes, 1,024-byte payloads.
     *
     * @return the defaults, the same values on every call
     */
    public static ProtocolConfig defaults() {
        return new Builder().build();
    }

    /**
     * A builder starting from {@link #defaults()}.
     *
     * @return a new builder; each call returns another
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder holding this configuration's values; changing it leaves this record as it is
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@link #heartbeatPeriodMillis} in microseconds, the core's time unit. */
    long heartbeatPeriodMicros() {
        return heartbeatPeriodMillis * 1000;
    }

    /** {@link #isolationTimeoutMillis} in microseconds. */
    long isolationTimeoutMicros() {
        return isolationTimeoutMillis * 1000;
    }

    /** {@link #duplicateMemoryAgeMillis} in microseconds. */
    long duplicateMemoryAgeMicros() {
        return duplicateMemoryAgeMillis * 1000;
    }

    /** The longest wait between two transmissions, as a multiple of the first. */
    static final int MAX_BACKOFF_FACTOR = 64;

    /**
     * Wait before attempt {@code attempt + 1}, given {@code attempt} transmissions so far (≥ 1):
     * the first timeout, doubled at each attempt, at most {@value #MAX_BACKOFF_FACTOR} times it.
     */
    long retransmitDelayMicros(int attempt) {
        return (retransmitTimeoutMillis * 1000) * Math.min(MAX_BACKOFF_FACTOR, 1L << (attempt - 1));
    }

    /**
     * How long after the first transmission a retransmission of the same message can still arrive:
     * the sum of every backoff, doubled for the last copy's flight. A receiver remembers what it
     * handled for this long: a copy that travels longer may find it forgotten and be handled again.
     *
     * @return the horizon in microseconds: 15.75 s with the defaults (6 attempts from 250 ms)
     */
    public long retransmitHorizonMicros() {
        long total = 0;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total += retransmitDelayMicros(attempt);
        }
        return 2 * total + retransmitTimeoutMillis * 1000;
    }

    /** Mutable builder of a {@link ProtocolConfig}; {@link #build()} validates. */
    public static final class Builder {
        private int c = 1;
        private int forwardLimit = 400;
        private long heartbeatPeriodMillis = 1_000;
        private long isolationTimeoutMillis = 10_000;
        private long leaseDurationMillis = 0;
        private boolean indirection = true;
        private double walkBudget = 1.0;
        private int maxAttempts = 6;
        private long retransmitTimeoutMillis = 250;
        private int duplicateMemoryCapacity = 4_096;
        private long duplicateMemoryAgeMillis = 600_000;
        private int maxPayloadBytes = 1_024;
        private int gossipHopLimit = 0;

        private Builder() {
        }

        private Builder(ProtocolConfig from) {
            c = from.c;
            forwardLimit = from.forwardLimit;
            heartbeatPeriodMillis = from.heartbeatPeriodMillis;
            isolationTimeoutMillis = from.isolationTimeoutMillis;
            leaseDurationMillis = from.leaseDurationMillis;
            indirection = from.indirection;
            walkBudget = from.walkBudget;
            maxAttempts = from.maxAttempts;
            retransmitTimeoutMillis = from.retransmitTimeoutMillis;
            duplicateMemoryCapacity = from.duplicateMemoryCapacity;
            duplicateMemoryAgeMillis = from.duplicateMemoryAgeMillis;
            maxPayloadBytes = from.maxPayloadBytes;
            gossipHopLimit = from.gossipHopLimit;
        }

        /**
         * See {@link ProtocolConfig#c()}.
         *
         * @param value extra copies, in [0, {@link ProtocolConfig#MAX_C}]; default 1; checked by {@link #build()}
         * @return this builder
         */
        public Builder c(int value) {
            c = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#forwardLimit()}.
         *
         * @param value the limit in hops, {@code >= 1}; default 400; checked by {@link #build()}
         * @return this builder
         */
        public Builder forwardLimit(int value) {
            forwardLimit = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#heartbeatPeriodMillis()}.
         *
         * @param value the period in ms, in [0, {@link ProtocolConfig#MAX_TIME_MILLIS}], 0 = none;
         *     default 1,000; checked by {@link #build()}
         * @return this builder
         */
        public Builder heartbeatPeriodMillis(long value) {
            heartbeatPeriodMillis = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#isolationTimeoutMillis()}.
         *
         * @param value the timeout in ms, in [0, {@link ProtocolConfig#MAX_TIME_MILLIS}], 0 = never, else
         *     above the heartbeat period (which must then be on); default 10,000; checked by {@link #build()}
         * @return this builder
         */
        public Builder isolationTimeoutMillis(long value) {
            isolationTimeoutMillis = value;
            return this;
        }

        /**
         * Switches heartbeats and isolation detection off.
         *
         * @return this builder, with {@code heartbeatPeriodMillis} and {@code isolationTimeoutMillis} 0
         */
        public Builder noHeartbeats() {
            heartbeatPeriodMillis = 0;
            isolationTimeoutMillis = 0;
            return this;
        }

        /**
         * See {@link ProtocolConfig#leaseDurationMillis()}.
         *
         * @param value the lease in ms, in [0, {@link ProtocolConfig#MAX_LEASE_MILLIS}], 0 = none; default 0;
         *     checked by {@link #build()}
         * @return this builder
         */
        public Builder leaseDurationMillis(long value) {
            leaseDurationMillis = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#indirection()}.
         *
         * @param value true to start a random walk at the contact; default true; checked by {@link #build()}
         * @return this builder
         */
        public Builder indirection(boolean value) {
            indirection = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#walkBudget()}.
         *
         * @param value the budget, finite and {@code > 0}; default 1.0; checked by {@link #build()}
         * @return this builder
         */
        public Builder walkBudget(double value) {
            walkBudget = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#maxAttempts()}.
         *
         * @param value transmissions, in [1, 16]; default 6; checked by {@link #build()}
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#retransmitTimeoutMillis()}.
         *
         * @param value the first timeout in ms, in [1, {@link ProtocolConfig#MAX_RETRANSMIT_TIMEOUT_MILLIS}];
         *     default 250; checked by {@link #build()}
         * @return this builder
         */
        public Builder retransmitTimeoutMillis(long value) {
            retransmitTimeoutMillis = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#duplicateMemoryCapacity()}.
         *
         * @param value the number of ids, {@code >= 1}; default 4,096; checked by {@link #build()}
         * @return this builder
         */
        public Builder duplicateMemoryCapacity(int value) {
            duplicateMemoryCapacity = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#duplicateMemoryAgeMillis()}.
         *
         * @param value the age in ms, in [0, {@link ProtocolConfig#MAX_TIME_MILLIS}], 0 = until pushed out
         *     by capacity; default 600,000 (10 minutes); checked by {@link #build()}
         * @return this builder
         */
        public Builder duplicateMemoryAgeMillis(long value) {
            duplicateMemoryAgeMillis = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#maxPayloadBytes()}.
         *
         * @param value the size in bytes, {@code >= 0}; default 1,024; checked by {@link #build()}
         * @return this builder
         */
        public Builder maxPayloadBytes(int value) {
            maxPayloadBytes = value;
            return this;
        }

        /**
         * See {@link ProtocolConfig#gossipHopLimit()}.
         *
         * @param value the limit in hops, 0 = none; default 0; checked by {@link #build()}
         * @return this builder
         */
        public Builder gossipHopLimit(int value) {
            gossipHopLimit = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @return a new, valid configuration with this builder's values
         * @throws IllegalArgumentException naming the first invalid field
         */
        public ProtocolConfig build() {
            return new ProtocolConfig(c, forwardLimit, heartbeatPeriodMillis, isolationTimeoutMillis,
                    leaseDurationMillis, indirection, walkBudget, maxAttempts, retransmitTimeoutMillis,
                    duplicateMemoryCapacity, duplicateMemoryAgeMillis, maxPayloadBytes, gossipHopLimit);
        }
    }
}
