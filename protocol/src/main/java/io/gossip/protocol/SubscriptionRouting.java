package io.gossip.protocol;

import io.gossip.protocol.message.Adopt;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Walk;
import java.util.Arrays;

/**
 * Where one node's share of other nodes' subscriptions goes: the contact's rule, forwarding a copy
 * until some node keeps it, and the indirection walk that picks an effective contact.
 *
 * <p>Static rules over the node's own fields (the views, the generator, the reliable channel)
 * rather than an object the node owns: a node carries no extra header or copied references for it
 * (this was an object per node until the other rules were split out the same way). The statements
 * are the node's, in the node's order, so the random draws, sends and counter updates come in the
 * same sequence.
 */
final class SubscriptionRouting {
    private SubscriptionRouting() {
    }

    /**
     * The contact's rule: a copy to every PartialView member plus {@code c} extra copies to random
     * members, or keep the subscriber itself when there is nobody to forward to. A renewal asks for
     * a fixed number of copies instead: one to each of that many distinct members (all of them, plus
     * random extra ones, if it asks for more than the view holds), at most the forward limit.
     */
    static void actAsContact(ScampNode node, long nowMicros, int subscriber, int leaseMillis, int renewalCopies) {
        int targets = node.partialView.size() - (node.partialView.contains(subscriber) ? 1 : 0);
        if (targets == 0) {
            if (subscriber != node.id && !node.partialView.contains(subscriber)) {
                keep(node, nowMicros, subscriber, leaseMillis);
            }
            return;
        }
        if (renewalCopies == 0) {
            for (int i = 0; i < node.partialView.size(); i++) {
                int member = node.partialView.get(i);
                if (member != subscriber) {
                    forwardCopy(node, nowMicros, member, subscriber, 0, leaseMillis);
                }
            }
            for (int extra = 0; extra < node.config.c(); extra++) {
                forwardCopy(node, nowMicros, node.partialView.randomExcept(node.random, subscriber), subscriber, 0,
                        leaseMillis);
            }
            return;
        }
        if (renewalCopies > node.config.forwardLimit()) {
            node.counters.dropped(DropReason.RENEWAL_COPIES_CLAMPED);
            renewalCopies = node.config.forwardLimit();
        }
        int[] members = membersExcept(node, subscriber);
        int distinct = Math.min(renewalCopies, members.length);
        for (int i = 0; i < distinct; i++) {
            // Partial Fisher–Yates: members[i] becomes a uniformly chosen member not used yet.
            int pick = i + node.random.nextInt(members.length - i);
            int chosen = members[pick];
            members[pick] = members[i];
            members[i] = chosen;
            forwardCopy(node, nowMicros, chosen, subscriber, 0, leaseMillis);
        }
        for (int extra = distinct; extra < renewalCopies; extra++) {
            forwardCopy(node, nowMicros, node.partialView.randomExcept(node.random, subscriber), subscriber, 0,
                    leaseMillis);
        }
    }

    private static int[] membersExcept(ScampNode node, int excluded) {
        int[] members = node.partialView.toArray();
        int at = node.partialView.indexOf(excluded);
        if (at < 0) {
            return members;
        }
        members[at] = members[members.length - 1];
        return Arrays.copyOf(members, members.length - 1);
    }

    private static void forwardCopy(ScampNode node, long nowMicros, int to, int subscriber, int hops, int leaseMillis) {
        node.channel.send(nowMicros, to,
                new ForwardedSubscription(node.channel.claimSeq(), subscriber, hops, leaseMillis));
    }

    static void onForwardedSubscription(ScampNode node, long nowMicros, ForwardedSubscription fs) {
        int subscriber = fs.subscriber();
        if (subscriber != node.id && !node.partialView.contains(subscriber)
                && node.random.nextInt(node.partialView.size() + 1) == 0) {
            keep(node, nowMicros, subscriber, fs.leaseMillis());
            return;
        }
        passOn(node, nowMicros, subscriber, fs.hops() + 1, fs.leaseMillis(), NodeIds.NONE);
    }

    /** Passes a subscription copy to a random member (never the subscriber, nor {@code avoid}). */
    private static void passOn(ScampNode node, long nowMicros, int subscriber, int hops, int leaseMillis, int avoid) {
        if (hops > node.config.forwardLimit() || hops < 0) { // negative: a peer's hop count of 2^31 - 1, plus one
            node.counters.dropped(DropReason.FORWARD_LIMIT);
            return;
        }
        int to = randomMemberExcept(node, subscriber, avoid);
        if (to == NodeIds.NONE) {
            if (subscriber != node.id && !node.partialView.contains(subscriber)) {
                keep(node, nowMicros, subscriber, leaseMillis);
            } else {
                node.counters.dropped(DropReason.NO_MEMBER_TO_FORWARD);
            }
            return;
        }
        forwardCopy(node, nowMicros, to, subscriber, hops, leaseMillis);
    }

    private static int randomMemberExcept(ScampNode node, int excluded, int alsoExcluded) {
        int pick = node.partialView.randomExcept(node.random, excluded);
        if (pick != NodeIds.NONE && pick == alsoExcluded) {
            // Redraw among the rest: rare, and keeps the choice uniform over what remains.
            int remaining = node.partialView.size() - (node.partialView.contains(excluded) ? 1 : 0) - 1;
            if (remaining == 0) {
                return NodeIds.NONE;
            }
            do {
                pick = node.partialView.randomExcept(node.random, excluded);
            } while (pick == alsoExcluded);
        }
        return pick;
    }

    private static void keep(ScampNode node, long nowMicros, int subscriber, int leaseMillis) {
        long expiry = leaseMillis == 0 ? IdList.NEVER : nowMicros + leaseMillis * 1000L;
        node.partialView.add(subscriber, expiry);
        node.counters.subscriptionKept();
        node.channel.send(nowMicros, subscriber, new Keep(node.channel.claimSeq()));
    }

    /**
     * One step of the indirection walk over PartialView ∪ InView taken as undirected edges. Subtracting
     * 1/degree at each visit cancels the walk's bias towards high-degree nodes, so where the budget
     * runs out is close to uniform over the group.
     */
    static void onWalk(ScampNode node, long nowMicros, Walk walk) {
        walkStep(node, nowMicros, walk.subscriber(), walk.budget(), walk.hops(), walk.leaseMillis(),
                walk.renewalCopies());
    }

    static void walkStep(ScampNode node, long nowMicros, int subscriber, double budget, int hops, int leaseMillis,
            int renewalCopies) {
        int degree = node.partialView.size() + node.inView.size();
        double left = degree == 0 ? 0 : budget - 1.0 / degree;
        int next = left > 0 && hops < node.config.forwardLimit()
                ? randomNeighbourExcept(node, subscriber, NodeIds.NONE) : NodeIds.NONE;
        if (next == NodeIds.NONE) {
            endWalk(node, nowMicros, subscriber, hops > 0, leaseMillis, renewalCopies);
        } else {
            node.channel.send(nowMicros, next,
                    new Walk(node.channel.claimSeq(), subscriber, left, hops + 1, leaseMillis, renewalCopies));
        }
    }

    /**
     * The walk ends at this node, which acts as the subscriber's contact and, unless it is the entry
     * point (the subscriber holds that one already) or the walk is a renewal's, offers itself.
     */
    private static void endWalk(ScampNode node, long nowMicros, int subscriber, boolean pastEntry, int leaseMillis,
            int renewalCopies) {
        actAsContact(node, nowMicros, subscriber, leaseMillis, renewalCopies);
        if (pastEntry && renewalCopies == 0) {
            node.channel.send(nowMicros, subscriber, new Adopt(node.channel.claimSeq()));
        }
    }

    /** A uniformly random arc end of PartialView ∪ InView (a multiset) other than the given ids. */
    private static int randomNeighbourExcept(ScampNode node, int excluded, int alsoExcluded) {
        int degree = node.partialView.size() + node.inView.size();
        int usable = 0;
        for (int i = 0; i < degree; i++) {
            int n = neighbourAt(node, i);
            if (n != excluded && n != alsoExcluded) {
                usable++;
            }
        }
        if (usable == 0) {
            return NodeIds.NONE;
        }
        int pick = node.random.nextInt(usable);
        for (int i = 0; i < degree; i++) {
            int n = neighbourAt(node, i);
            if (n != excluded && n != alsoExcluded && pick-- == 0) {
                return n;
            }
        }
        throw new AssertionError("unreachable");
    }

    private static int neighbourAt(ScampNode node, int i) {
        return i < node.partialView.size() ? node.partialView.get(i) : node.inView.get(i - node.partialView.size());
    }

    /**
     * A subscription copy or walk step that {@code to} never acknowledged goes to another member
     * instead (a walk that has nowhere else to go ends here), so a silent member costs a detour,
     * not a lost subscription.
     */
    static void redirect(ScampNode node, long nowMicros, int to, MembershipMessage message) {
        if (message instanceof ForwardedSubscription fs) {
            passOn(node, nowMicros, fs.subscriber(), fs.hops() + 1, fs.leaseMillis(), to);
        } else if (message instanceof Walk walk) {
            // The failed step was walk.hops(): over 1, this node is past the entry point (or is the entry
            // point after an earlier redirect, whose Adopt the subscriber ignores).
            int next = walk.hops() < node.config.forwardLimit()
                    ? randomNeighbourExcept(node, walk.subscriber(), to) : NodeIds.NONE;
            if (next == NodeIds.NONE) {
                endWalk(node, nowMicros, walk.subscriber(), walk.hops() > 1, walk.leaseMillis(), walk.renewalCopies());
            } else {
                node.channel.send(nowMicros, next, new Walk(node.channel.claimSeq(), walk.subscriber(), walk.budget(),
                        walk.hops() + 1, walk.leaseMillis(), walk.renewalCopies()));
            }
        }
    }
}
