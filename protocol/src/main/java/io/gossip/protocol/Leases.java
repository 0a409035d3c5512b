package io.gossip.protocol;

import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;

/**
 * A member's own subscription over time: the lease it runs under, the arcs that expire with a lease,
 * the renewal that re-creates them, and the re-subscription after isolation (which sends the same
 * subscription, only without asking for a fixed number of copies).
 *
 * <p>Split out of {@link ScampNode} as static rules over the node's own fields rather than as an
 * object the node owns: a node carries no extra reference or header for it (a part object per node
 * cost 200 B per node and 6-10 % of the simulator's speed). The statements are the node's, in the
 * node's order, so the random draws, sends and counter updates come in the same sequence.
 */
final class Leases {
    private Leases() {
    }

    /**
     * Sends a subscription to {@code contact}. The first lease is drawn uniformly from
     * (L/2, L] so that nodes joining together do not all renew together.
     */
    static void subscribe(ScampNode node, long nowMicros, int contact, int renewalCopies) {
        int leaseMillis = startLease(node, nowMicros);
        if (!node.partialView.contains(contact)) {
            // The bootstrap contact, the PartialView being empty: hold it, as a join does, since the
            // contact notes a subscriber it does not know as one that holds it (step 1).
            holdContact(node, contact, leaseMillis);
        }
        node.sendMembership(nowMicros, contact, new Subscribe(node.claimSeq(), leaseMillis, renewalCopies));
    }

    /**
     * The node holds {@code contact}, through which it subscribes: the arc belongs to its
     * subscription and expires with the lease just started ({@code leaseMillis}; never without leases).
     */
    static void holdContact(ScampNode node, int contact, int leaseMillis) {
        node.partialView.add(contact, leaseMillis == 0 ? IdList.NEVER : node.leaseRenewalMicros);
        node.joinArcExpiring = leaseMillis > 0;
    }

    /**
     * Starts the node's next lease period and returns its length in ms (0 without leases). The
     * renewal is due 1 µs before the lease ends: the keepers expire our arcs a lease after keeping
     * them, never before we sent the subscription, so the renewal always counts its arcs (see
     * {@link #renewLease}) before any keeper drops them, even over a zero-latency network.
     */
    static int startLease(ScampNode node, long nowMicros) {
        if (node.config.leaseDurationMillis() == 0) {
            return 0;
        }
        long lease = node.config.leaseDurationMillis();
        if (node.leaseRenewalMicros == Long.MAX_VALUE) {
            lease = lease / 2 + 1 + node.random.nextLong(lease - lease / 2);
        }
        node.leaseRenewalMicros = nowMicros + lease * 1000 - 1;
        return (int) lease;
    }

    /**
     * When an InView entry mirroring an arc that expires at {@code arcExpiryMicros} is forgotten:
     * one retransmission horizon later, so the holder's Unlink normally comes first. 0 = no lease.
     */
    static long inViewExpiry(ScampNode node, long arcExpiryMicros) {
        if (node.config.leaseDurationMillis() == 0 || arcExpiryMicros == 0) {
            return IdList.NEVER;
        }
        return arcExpiryMicros + node.config.retransmitHorizonMicros();
    }

    /** Forgets expired InView entries, then drops expired PartialView arcs, telling their targets. */
    static void expireLeases(ScampNode node, long nowMicros) {
        if (node.inView.earliestExpiry() <= nowMicros) {
            for (int i = node.inView.size() - 1; i >= 0; i--) {
                if (node.inView.expiryAt(i) <= nowMicros) {
                    node.inView.removeAt(i); // its holder never said Unlink: presumed failed
                }
            }
        }
        if (node.partialView.earliestExpiry() > nowMicros) {
            return;
        }
        for (int i = node.partialView.size() - 1; i >= 0; i--) {
            if (node.partialView.expiryAt(i) <= nowMicros) {
                int expired = node.partialView.get(i);
                node.partialView.removeAt(i);
                node.counters.leaseExpiry();
                node.sendMembership(nowMicros, expired, new Unlink(node.claimSeq()));
            }
        }
    }

    /**
     * Re-subscribes through a random PartialView member, asking for as many copies as this node
     * holds arcs of its ending subscription (at least {@code c+1}): the arcs that expire now. Each
     * renewal re-creates its own arcs, so leases conserve the arc count at any group size, and the
     * mean view size stays what the joins made it. Counting the PartialView instead (the earlier
     * rule) double-counts in a growing group: a node's PartialView grows by the copies of
     * newcomers it keeps, which are already the newcomers' own arcs; with leases running during
     * the joins the mean came out at 1.8 × (c+1)·ln n (see docs/behaviour.md). Counting the whole
     * InView would double-count the join arcs of newcomers that chose us as their contact (their
     * own first renewal replaces those), so only the InView entries created by Keeps for the
     * current subscription count. The first renewal asks for one more: the arc to the join contact
     * expired with the first lease and nobody else re-creates it. A node holding no arc of its
     * own (the bootstrap node, which never subscribed, or one whose keepers all vanished) asks for
     * as many copies as its PartialView holds, the one local estimate of the mean it has.
     */
    static void renewLease(ScampNode node, long nowMicros) {
        int contact = contactForResubscription(node);
        int own = arcsOfCurrentSubscription(node) + (node.joinArcExpiring ? 1 : 0);
        int copies = renewalCopies(own, node.partialView.size(), node.config.c());
        node.joinArcExpiring = false;
        if (contact == NodeIds.NONE) {
            startLease(node, nowMicros); // alone in the group: nobody holds us, nothing to renew
            return;
        }
        node.counters.leaseRenewal();
        subscribe(node, nowMicros, contact, copies);
    }

    /**
     * The copies a renewal asks for (see {@link #renewLease}): its {@code ownArcs}, or the
     * PartialView's size when it holds none, at least {@code c+1}, and at most what one subscription
     * carries ({@link Subscribe#MAX_RENEWAL_COPIES}), which only a PartialView of more than 65,535
     * members (c in the thousands) reaches. {@link ArenaLeases} asks for the same.
     */
    static int renewalCopies(int ownArcs, int partialViewSize, int c) {
        int copies = Math.max(ownArcs == 0 ? partialViewSize : ownArcs, c + 1);
        return Math.min(copies, Subscribe.MAX_RENEWAL_COPIES);
    }

    /** InView entries stamped by a Keep for the subscription of the current lease (see MembershipHandling). */
    private static int arcsOfCurrentSubscription(ScampNode node) {
        long stamp = inViewExpiry(node, node.leaseRenewalMicros);
        int count = 0;
        for (int i = 0; i < node.inView.size(); i++) {
            if (node.inView.expiryAt(i) == stamp) {
                count++;
            }
        }
        return count;
    }

    /** After hearing nothing for the isolation timeout: a new subscription through a random member. */
    static void recoverFromIsolation(ScampNode node, long nowMicros) {
        node.lastHeardMicros = nowMicros;
        int contact = contactForResubscription(node);
        if (contact == NodeIds.NONE) {
            return; // a lone bootstrap node: nobody to ask
        }
        node.counters.isolationRecovery();
        subscribe(node, nowMicros, contact, 0);
    }

    private static int contactForResubscription(ScampNode node) {
        return node.partialView.isEmpty() ? node.bootstrapContact : node.partialView.random(node.random);
    }
}
