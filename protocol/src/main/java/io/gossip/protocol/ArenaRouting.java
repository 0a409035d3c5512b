package io.gossip.protocol;

import io.gossip.protocol.message.MessageType;

/**
 * {@link SubscriptionRouting} for the nodes of a {@link ScampArena}: the contact's rule for a first
 * subscription, forwarding a copy until some node keeps it, the indirection walk, and sending
 * elsewhere what a member never acknowledged. Statement for statement the object version's rules
 * (without leases or renewal copies, which the arena does not run), so the random draws and sends
 * come in the same order.
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

    ArenaRouting(ProtocolConfig config, Counters counters, NodeRecords records, ArenaChannel channel) {
        this.config = config;
        this.counters = counters;
        this.records = records;
        this.channel = channel;
    }

    /** {@link SubscriptionRouting#actAsContact} for a first subscription (no lease, no renewal copies). */
    void actAsContact(long nowMicros, int node, int subscriber) {
        int[] r = records.get(node);
        boolean holdsSubscriber = NodeRecord.pvIndexOf(r, subscriber) >= 0;
        int targets = r[NodeRecord.PV_SIZE] - (holdsSubscriber ? 1 : 0);
        if (targets == 0) {
            if (subscriber != node && !holdsSubscriber) {
                keep(nowMicros, node, subscriber);
            }
            return;
        }
        for (int i = 0; i < r[NodeRecord.PV_SIZE]; i++) {
            int member = NodeRecord.pvGet(r, i);
            if (member != subscriber) {
                forwardCopy(nowMicros, node, r, member, subscriber, 0);
            }
        }
        for (int extra = 0; extra < config.c(); extra++) {
            int to = NodeRecord.pvRandomExcept(r, subscriber);
            forwardCopy(nowMicros, node, r, to, subscriber, 0);
        }
    }

    private void forwardCopy(long nowMicros, int node, int[] r, int to, int subscriber, int hops) {
        channel.send(nowMicros, node, to, FORWARDED_SUBSCRIPTION, claimSeq(r), subscriber, hops);
    }

    void onForwardedSubscription(long nowMicros, int node, int subscriber, int hops) {
        int[] r = records.get(node);
        if (subscriber != node && NodeRecord.pvIndexOf(r, subscriber) < 0
                && RandomStreams.nextInt(r, NodeRecord.RANDOM, r[NodeRecord.PV_SIZE] + 1) == 0) {
            keep(nowMicros, node, subscriber);
            return;
        }
        passOn(nowMicros, node, subscriber, hops + 1, NodeIds.NONE);
    }

    /** {@link SubscriptionRouting#passOn}: to a random member, never the subscriber nor {@code avoid}. */
    private void passOn(long nowMicros, int node, int subscriber, int hops, int avoid) {
        if (hops > config.forwardLimit() || hops < 0) {
            counters.dropped(DropReason.FORWARD_LIMIT);
            return;
        }
        int[] r = records.get(node);
        int to = randomMemberExcept(node, r, subscriber, avoid);
        if (to == NodeIds.NONE) {
            if (subscriber != node && NodeRecord.pvIndexOf(r, subscriber) < 0) {
                keep(nowMicros, node, subscriber);
            } else {
                counters.dropped(DropReason.NO_MEMBER_TO_FORWARD);
            }
            return;
        }
        forwardCopy(nowMicros, node, r, to, subscriber, hops);
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

    private void keep(long nowMicros, int node, int subscriber) {
        int[] r = records.store(node, NodeRecord.pvAdd(records.get(node), subscriber));
        counters.subscriptionKept();
        channel.send(nowMicros, node, subscriber, KEEP, claimSeq(r), 0, 0);
    }

    /**
     * {@link SubscriptionRouting#walkStep} (no lease, no renewal copies): subtract 1/degree from the
     * budget and take a step to a random neighbour of PartialView and InView together, or, when the
     * budget is spent, act as the subscriber's contact and offer it adoption.
     */
    void walkStep(long nowMicros, int node, int subscriber, double budget, int hops) {
        int[] r = records.get(node);
        int degree = r[NodeRecord.PV_SIZE] + r[NodeRecord.IV_SIZE];
        double left = degree == 0 ? 0 : budget - 1.0 / degree;
        int next = left > 0 && hops < config.forwardLimit()
                ? randomNeighbourExcept(r, subscriber, NodeIds.NONE) : NodeIds.NONE;
        if (next == NodeIds.NONE) {
            actAsContact(nowMicros, node, subscriber);
            if (hops > 0) {
                channel.send(nowMicros, node, subscriber, ADOPT, claimSeq(records.get(node)), 0, 0);
            }
        } else {
            channel.sendWalk(nowMicros, node, next, claimSeq(r), subscriber, hops + 1, left);
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
    void onUndeliverable(long nowMicros, int node, int to, int type, int subject, int hops, double budget) {
        int[] r = records.get(node);
        if (r[NodeRecord.STATE] != NodeRecord.STATE_MEMBER) {
            return;
        }
        if (type == FORWARDED_SUBSCRIPTION) {
            passOn(nowMicros, node, subject, hops + 1, to);
        } else if (type == WALK) {
            // SubscriptionRouting.redirect: the same budget, one more hop; nowhere else to go ends the walk here.
            int next = randomNeighbourExcept(r, subject, to);
            if (next == NodeIds.NONE) {
                actAsContact(nowMicros, node, subject);
            } else {
                channel.sendWalk(nowMicros, node, next, claimSeq(r), subject, hops + 1, budget);
            }
        } else if (type == SUBSCRIBE) {
            int other = NodeRecord.pvRandomExcept(r, to);
            if (other != NodeIds.NONE) {
                channel.send(nowMicros, node, other, SUBSCRIBE, claimSeq(r), 0, 0);
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
