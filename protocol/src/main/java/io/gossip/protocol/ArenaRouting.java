package io.gossip.protocol;

import io.gossip.protocol.message.MessageType;
import java.util.Arrays;
import java.util.BitSet;

/**
 * {@link SubscriptionRouting} for the nodes of a {@link ScampArena}: the contact's rule for a
 * subscription (and a renewal's fixed number of copies), forwarding a copy until some node keeps it,
 * the indirection walk, and sending elsewhere what a member never acknowledged. Statement for
 * statement the object version's rules, so the random draws and sends come in the same order. The
 * lease and renewal copies a subscription carries travel with each of its copies and walk steps
 * ({@link ArenaChannel#sendSubscription} sends them as the fields require).
 */
final class ArenaRouting {
    private static final int SUBSCRIBE = MessageType.SUBSCRIBE.ordinal();
    private static final int FORWARDED_SUBSCRIPTION = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
    private static final int KEEP = MessageType.KEEP.ordinal();
    private static final int WALK = MessageType.WALK.ordinal();
    private static final int ADOPT = MessageType.ADOPT.ordinal();

    private final ProtocolConfig config;
    private final Counters counters;
    private final NodeRecords records;
    private final ArenaChannel channel;
    /** The arena's members (joined, not left): a member's record holds no state of its own for it. */
    private final BitSet members;
    /** The nodes' leases, null without; set once by the arena, which creates them after this. */
    private ArenaLeases leases;

    ArenaRouting(ProtocolConfig config, Counters counters, NodeRecords records, ArenaChannel channel, BitSet members) {
        this.config = config;
        this.members = members;
        this.counters = counters;
        this.records = records;
        this.channel = channel;
    }

    void useLeases(ArenaLeases leases) {
        this.leases = leases;
    }

    /**
     * {@link SubscriptionRouting#actAsContact}: a copy to every PartialView member plus c extra ones,
     * or, for a renewal, one to each of {@code renewalCopies} distinct members (plus random extra ones
     * past the view's size), at most the forward limit.
     */
    void actAsContact(long nowMicros, int node, int subscriber, int leaseMillis, int renewalCopies) {
        int[] r = records.get(node);
        boolean holdsSubscriber = NodeRecord.pvIndexOf(r, subscriber) >= 0;
        int targets = r[NodeRecord.PV_SIZE] - (holdsSubscriber ? 1 : 0);
        if (targets == 0) {
            if (subscriber != node && !holdsSubscriber) {
                keep(nowMicros, node, subscriber, leaseMillis);
            }
            return;
        }
        if (renewalCopies > 0) {
            forwardRenewal(nowMicros, node, r, subscriber, leaseMillis, renewalCopies);
            return;
        }
        for (int i = 0; i < r[NodeRecord.PV_SIZE]; i++) {
            int member = NodeRecord.pvGet(r, i);
            if (member != subscriber) {
                forwardCopy(nowMicros, node, r, member, subscriber, 0, leaseMillis);
            }
        }
        for (int extra = 0; extra < config.c(); extra++) {
            int to = NodeRecord.pvRandomExcept(r, subscriber);
            forwardCopy(nowMicros, node, r, to, subscriber, 0, leaseMillis);
        }
    }

    /** The contact's rule for a renewal, kept out of {@link #actAsContact} (the joins' path) to keep that small. */
    private void forwardRenewal(long nowMicros, int node, int[] r, int subscriber, int leaseMillis, int renewalCopies) {
        if (renewalCopies > config.forwardLimit()) {
            counters.dropped(DropReason.RENEWAL_COPIES_CLAMPED);
            renewalCopies = config.forwardLimit();
        }
        int[] members = membersExcept(r, subscriber);
        int distinct = Math.min(renewalCopies, members.length);
        for (int i = 0; i < distinct; i++) {
            // Partial Fisher-Yates, as SubscriptionRouting draws it.
            int pick = i + RandomStreams.nextInt(r, NodeRecord.RANDOM, members.length - i);
            int chosen = members[pick];
            members[pick] = members[i];
            members[i] = chosen;
            forwardCopy(nowMicros, node, r, chosen, subscriber, 0, leaseMillis);
        }
        for (int extra = distinct; extra < renewalCopies; extra++) {
            forwardCopy(nowMicros, node, r, NodeRecord.pvRandomExcept(r, subscriber), subscriber, 0, leaseMillis);
        }
    }

    /**
     * The PartialView without {@code excluded}, the last member moved into its place
     * (SubscriptionRouting's membersExcept).
     */
    private static int[] membersExcept(int[] r, int excluded) {
        int start = NodeRecord.pvStart(r);
        int[] members = Arrays.copyOfRange(r, start, start + r[NodeRecord.PV_SIZE]);
        int at = NodeRecord.pvIndexOf(r, excluded);
        if (at < 0) {
            return members;
        }
        members[at] = members[members.length - 1];
        return Arrays.copyOf(members, members.length - 1);
    }

    private void forwardCopy(long nowMicros, int node, int[] r, int to, int subscriber, int hops, int leaseMillis) {
        channel.sendSubscription(nowMicros, node, to, FORWARDED_SUBSCRIPTION, claimSeq(r), subscriber, hops, 0.0,
                leaseMillis, 0);
    }

    /** A Subscribe to {@code to}, carrying its lease and renewal copies. */
    void subscribe(long nowMicros, int node, int[] r, int to, int leaseMillis, int renewalCopies) {
        channel.sendSubscription(nowMicros, node, to, SUBSCRIBE, claimSeq(r), 0, 0, 0.0, leaseMillis, renewalCopies);
    }

    void onForwardedSubscription(long nowMicros, int node, int subscriber, int hops, int leaseMillis) {
        int[] r = records.get(node);
        if (subscriber != node && NodeRecord.pvIndexOf(r, subscriber) < 0
                && RandomStreams.nextInt(r, NodeRecord.RANDOM, r[NodeRecord.PV_SIZE] + 1) == 0) {
            keep(nowMicros, node, subscriber, leaseMillis);
            return;
        }
        passOn(nowMicros, node, subscriber, hops + 1, leaseMillis, NodeIds.NONE);
    }

    /** {@link SubscriptionRouting#passOn}: to a random member, never the subscriber nor {@code avoid}. */
    private void passOn(long nowMicros, int node, int subscriber, int hops, int leaseMillis, int avoid) {
        if (hops > config.forwardLimit() || hops < 0) {
            counters.dropped(DropReason.FORWARD_LIMIT);
            return;
        }
        int[] r = records.get(node);
        int to = randomMemberExcept(node, r, subscriber, avoid);
        if (to == NodeIds.NONE) {
            if (subscriber != node && NodeRecord.pvIndexOf(r, subscriber) < 0) {
                keep(nowMicros, node, subscriber, leaseMillis);
            } else {
                counters.dropped(DropReason.NO_MEMBER_TO_FORWARD);
            }
            return;
        }
        forwardCopy(nowMicros, node, r, to, subscriber, hops, leaseMillis);
    }

    private int randomMemberExcept(int node, int[] r, int excluded, int alsoExcluded) {
        int pick = NodeRecord.pvRandomExcept(r, excluded);
        if (pick != NodeIds.NONE && pick == alsoExcluded) {
            int remaining = r[NodeRecord.PV_SIZE] - (NodeRecord.pvIndexOf(r, excluded) >= 0 ? 1 : 0) - 1;
            if (remaining == 0) {
                return NodeIds.NONE;
            }
            do {
                pick = NodeRecord.pvRandomExcept(r, excluded);
            } while (pick == alsoExcluded);
        }
        return pick;
    }

    private void keep(long nowMicros, int node, int subscriber, int leaseMillis) {
        int[] r = records.get(node);
        if (leases != null) {
            leases.pvAdding(node, r, subscriber, leaseMillis == 0 ? IdList.NEVER : nowMicros + leaseMillis * 1000L);
        }
        r = records.store(node, NodeRecord.pvAdd(r, subscriber));
        counters.subscriptionKept();
        channel.send(nowMicros, node, subscriber, KEEP, claimSeq(r), 0, 0);
    }

    /**
     * {@link SubscriptionRouting#walkStep}: subtract 1/degree from the budget and take a step to a
     * random neighbour of PartialView and InView together, or, when the budget is spent, act as the
     * subscriber's contact and offer it adoption (unless it renews).
     */
    void walkStep(long nowMicros, int node, int subscriber, double budget, int hops, int leaseMillis,
            int renewalCopies) {
        int[] r = records.get(node);
        int degree = r[NodeRecord.PV_SIZE] + r[NodeRecord.IV_SIZE];
        double left = degree == 0 ? 0 : budget - 1.0 / degree;
        int next = left > 0 && hops < config.forwardLimit()
                ? randomNeighbourExcept(r, subscriber, NodeIds.NONE) : NodeIds.NONE;
        if (next == NodeIds.NONE) {
            endWalk(nowMicros, node, subscriber, hops > 0, leaseMillis, renewalCopies);
        } else {
            channel.sendSubscription(nowMicros, node, next, WALK, claimSeq(r), subscriber, hops + 1, left, leaseMillis,
                    renewalCopies);
        }
    }

    /** {@link SubscriptionRouting}'s endWalk: act as the contact and, past the entry point, offer adoption. */
    private void endWalk(long nowMicros, int node, int subscriber, boolean pastEntry, int leaseMillis,
            int renewalCopies) {
        actAsContact(nowMicros, node, subscriber, leaseMillis, renewalCopies);
        if (pastEntry && renewalCopies == 0) {
            channel.send(nowMicros, node, subscriber, ADOPT, claimSeq(records.get(node)), 0, 0);
        }
    }

    /**
     * {@link SubscriptionRouting}'s randomNeighbourExcept: a uniformly random arc end of PartialView and
     * InView (a multiset; in the record they lie side by side, in that order) other than the given ids.
     */
    private static int randomNeighbourExcept(int[] r, int excluded, int alsoExcluded) {
        int start = NodeRecord.pvStart(r);
        int end = start + r[NodeRecord.PV_SIZE] + r[NodeRecord.IV_SIZE];
        int usable = 0;
        for (int i = start; i < end; i++) {
            if (r[i] != excluded && r[i] != alsoExcluded) {
                usable++;
            }
        }
        if (usable == 0) {
            return NodeIds.NONE;
        }
        int pick = RandomStreams.nextInt(r, NodeRecord.RANDOM, usable);
        for (int i = start; i < end; i++) {
            if (r[i] != excluded && r[i] != alsoExcluded && pick-- == 0) {
                return r[i];
            }
        }
        throw new AssertionError("unreachable");
    }

    /** {@link ScampNode}'s onUndeliverable: a copy or walk goes elsewhere, a subscription to another member. */
    void onUndeliverable(long nowMicros, int node, int to, int type, int subject, int hops, double budget,
            int leaseMillis, int renewalCopies) {
        if (!members.get(node)) {
            return;
        }
        int[] r = records.get(node);
        if (type == FORWARDED_SUBSCRIPTION) {
            passOn(nowMicros, node, subject, hops + 1, leaseMillis, to);
        } else if (type == WALK) {
            // SubscriptionRouting.redirect: the same budget, one more hop; at the forward limit, or with
            // nowhere else to go, the walk ends here.
            int next = hops < config.forwardLimit() ? randomNeighbourExcept(r, subject, to) : NodeIds.NONE;
            if (next == NodeIds.NONE) {
                endWalk(nowMicros, node, subject, hops > 1, leaseMillis, renewalCopies);
            } else {
                channel.sendSubscription(nowMicros, node, next, WALK, claimSeq(r), subject, hops + 1, budget,
                        leaseMillis, renewalCopies);
            }
        } else if (type == SUBSCRIBE) {
            int other = NodeRecord.pvRandomExcept(r, to);
            if (other != NodeIds.NONE) {
                subscribe(nowMicros, node, r, other, leaseMillis, renewalCopies);
            }
        }
    }

    int claimSeq(int[] r) {
        if (config.maxAttempts() == 1) {
            return 0;
        }
        int seq = r[NodeRecord.NEXT_SEQ]++;
        if (r[NodeRecord.NEXT_SEQ] == 0) {
            r[NodeRecord.NEXT_SEQ] = 1;
        }
        return seq;
    }
}
