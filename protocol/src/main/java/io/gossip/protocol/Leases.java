package io.gossip.protocol;

import io.gossip.protocol.message.Unlink;
import java.util.SplittableRandom;

/**
 * The leases of one node's arcs: when the lease of its own subscription ends (so when it renews,
 * and with how many copies), how long an InView entry mirroring an arc lasts, and the expiry of
 * the view entries whose lease has passed. Split out of {@link ScampNode}, which owns the views,
 * the generator and the reliable channel this reads and changes; it runs on the node's thread,
 * inside the node's calls, so the order of random draws, sends and counts is the node's. Without
 * leases ({@code leaseDurationMillis = 0}) it draws nothing and no entry expires.
 */
final class Leases {
    private final ProtocolConfig config;
    private final SplittableRandom random;
    private final Counters counters;
    private final PartialView partialView;
    private final InView inView;
    private final ReliableChannel channel;

    /** When the current lease is renewed, 1 µs before it ends; none before the first lease or after leaving. */
    private long renewalMicros = Long.MAX_VALUE;
    /** Whether the arc to the join contact expires at this lease's end (see {@link #renewalCopies}). */
    private boolean joinArcExpiring;

    Leases(ProtocolConfig config, SplittableRandom random, Counters counters, PartialView partialView,
            InView inView, ReliableChannel channel) {
        this.config = config;
        this.random = random;
        this.counters = counters;
        this.partialView = partialView;
        this.inView = inView;
        this.channel = channel;
    }

    /**
     * Starts this node's next lease period and returns its length in ms (0 without leases). The
     * first lease is drawn uniformly from (L/2, L] so that nodes joining together do not all renew
     * together. The renewal is due 1 µs before the lease ends: the keepers expire our arcs a lease
     * after keeping them, never before we sent the subscription, so the renewal always counts its
     * arcs (see {@link #renewalCopies}) before any keeper drops them, even over a zero-latency
     * network.
     */
    int start(long nowMicros) {
        if (config.leaseDurationMillis() == 0) {
            return 0;
        }
        long lease = config.leaseDurationMillis();
        if (renewalMicros == Long.MAX_VALUE) {
            lease = lease / 2 + 1 + random.nextLong(lease - lease / 2);
        }
        renewalMicros = nowMicros + lease * 1000 - 1;
        return (int) lease;
    }

    /**
     * Starts the first lease of a joining node and puts its join contact in the PartialView: that
     * arc belongs to the node's subscription and expires with its first lease. Returns the lease
     * length in ms (0 without leases).
     */
    int startWithJoinArc(long nowMicros, int contact) {
        int leaseMillis = start(nowMicros);
        partialView.add(contact, leaseMillis == 0 ? IdList.NEVER : renewalMicros);
        joinArcExpiring = leaseMillis > 0;
        return leaseMillis;
    }

    /** Ends the lease for good: a node that left renews nothing. */
    void end() {
        renewalMicros = Long.MAX_VALUE;
    }

    /** Whether the current lease is due for renewal at {@code nowMicros}. */
    boolean renewalDue(long nowMicros) {
        return nowMicros >= renewalMicros;
    }

    /** The earliest time something here is due: the renewal or the expiry of a view entry. */
    long nextDeadline() {
        long deadline = Math.min(renewalMicros, partialView.earliestExpiry());
        return Math.min(deadline, inView.earliestExpiry());
    }

    /**
     * When an InView entry mirroring an arc that expires at {@code arcExpiryMicros} is forgotten:
     * one retransmission horizon later, so the holder's Unlink normally comes first. 0 = no lease.
     */
    long inViewExpiry(long arcExpiryMicros) {
        if (config.leaseDurationMillis() == 0 || arcExpiryMicros == 0) {
            return IdList.NEVER;
        }
        return arcExpiryMicros + config.retransmitHorizonMicros();
    }

    /** The InView expiry of an arc a Keep just created: its keeper holds us until our current lease ends. */
    long keptArcInViewExpiry() {
        return inViewExpiry(renewalMicros == Long.MAX_VALUE ? 0 : renewalMicros);
    }

    /**
     * Drops the view entries whose lease has passed. An expired InView entry's holder never said
     * Unlink: it is presumed failed. An expired PartialView entry is counted and its node told
     * ({@link Unlink}), so that its InView stays exact.
     */
    void expire(long nowMicros) {
        if (inView.earliestExpiry() <= nowMicros) {
            for (int i = inView.size() - 1; i >= 0; i--) {
                if (inView.expiryAt(i) <= nowMicros) {
                    inView.removeAt(i); // its holder never said Unlink: presumed failed
                }
            }
        }
        if (partialView.earliestExpiry() > nowMicros) {
            return;
        }
        for (int i = partialView.size() - 1; i >= 0; i--) {
            if (partialView.expiryAt(i) <= nowMicros) {
                int expired = partialView.get(i);
                partialView.removeAt(i);
                counters.leaseExpiry();
                channel.send(nowMicros, expired, new Unlink(channel.claimSeq()));
            }
        }
    }

    /**
     * How many copies the renewal of the ending lease asks for: as many as this node holds arcs of
     * its ending subscription (at least {@code c+1}), the arcs that expire now. Each renewal
     * re-creates its own arcs, so leases conserve the arc count at any group size, and the mean
     * view size stays what the joins made it. Counting the PartialView instead (the earlier rule)
     * double-counts in a growing group: a node's PartialView grows by the copies of newcomers it
     * keeps, which are already the newcomers' own arcs; with leases running during the joins the
     * mean came out at 1.8 × (c+1)·ln n (see docs/behaviour.md). Counting the whole InView would
     * double-count the join arcs of newcomers that chose us as their contact (their own first
     * renewal replaces those), so only the InView entries created by Keeps for the current
     * subscription count. The first renewal asks for one more: the arc to the join contact expired
     * with the first lease and nobody else re-creates it. A node holding no arc of its own (the
     * bootstrap node, which never subscribed, or one whose keepers all vanished) asks for as many
     * copies as its PartialView holds, the one local estimate of the mean it has. Called once per
     * renewal: it forgets the join arc.
     */
    int renewalCopies() {
        int own = arcsOfCurrentSubscription() + (joinArcExpiring ? 1 : 0);
        int copies = Math.max(own == 0 ? partialView.size() : own, config.c() + 1);
        joinArcExpiring = false;
        return copies;
    }

    /** InView entries stamped by a Keep for the subscription of the current lease. */
    private int arcsOfCurrentSubscription() {
        long stamp = inViewExpiry(renewalMicros);
        int count = 0;
        for (int i = 0; i < inView.size(); i++) {
            if (inView.expiryAt(i) == stamp) {
                count++;
            }
        }
        return count;
    }
}
