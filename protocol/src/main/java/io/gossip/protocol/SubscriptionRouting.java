package io.gossip.protocol;

import io.gossip.protocol.message.Adopt;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Walk;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where one node's share of other nodes' subscriptions goes: the contact's rule, forwarding a copy
 * until some node keeps it, and the indirection walk that picks an effective contact. Split out of
 * {@link ScampNode}, which owns the state this reads and changes (the views, the generator, the
 * reliable channel); it runs on the node's thread, inside the node's calls, and holds no state of
 * its own, so the order of random draws is the node's.
 */
final class SubscriptionRouting {
    private final int self;
    private final ProtocolConfig config;
    private final SplittableRandom random;
    private final Counters counters;
    private final PartialView partialView;
    private final InView inView;
    private final ReliableChannel channel;

    SubscriptionRouting(int self, ProtocolConfig config, SplittableRandom random, Counters counters,
            PartialView partialView, InView inView, ReliableChannel channel) {
        this.self = self;
        this.config = config;
        this.random = random;
        this.counters = counters;
        this.partialView = partialView;
        this.inView = inView;
        this.channel = channel;
    }

    /**
     * The contact's rule: a copy to every PartialView member plus {@code c} extra copies to random
     * members, or keep the subscriber itself when there is nobody to forward to. A renewal asks for
     * a fixed number of copies instead: one to each of that many distinct members (all of them, plus
     * random extra ones, if it asks for more than the view holds), at most the forward limit.
     */
    void actAsContact(long nowMicros, int subscriber, int leaseMillis, int renewalCopies) {
        int targets = partialView.size() - (partialView.contains(subscriber) ? 1 : 0);
        if (targets == 0) {
            if (subscriber != self && !partialView.contains(subscriber)) {
                keep(nowMicros, subscriber, leaseMillis);
            }
            return;
        }
        if (renewalCopies == 0) {
            for (int i = 0; i < partialView.size(); i++) {
                int member = partialView.get(i);
                if (member != subscriber) {
                    forwardCopy(nowMicros, member, subscriber, 0, leaseMillis);
                }
            }
            for (int extra = 0; extra < config.c(); extra++) {
                forwardCopy(nowMicros, partialView.randomExcept(random, subscriber), subscriber, 0, leaseMillis);
            }
            return;
        }
        if (renewalCopies > config.forwardLimit()) {
            counters.dropped(DropReason.RENEWAL_COPIES_CLAMPED);
            renewalCopies = config.forwardLimit();
        }
        int[] members = membersExcept(subscriber);
        int distinct = Math.min(renewalCopies, members.length);
        for (int i = 0; i < distinct; i++) {
            // Partial Fisher–Yates: members[i] becomes a uniformly chosen member not used yet.
            int pick = i + random.nextInt(members.length - i);
            int chosen = members[pick];
            members[pick] = members[i];
            members[i] = chosen;
            forwardCopy(nowMicros, chosen, subscriber, 0, leaseMillis);
        }
        for (int extra = distinct; extra < renewalCopies; extra++) {
            forwardCopy(nowMicros, partialView.randomExcept(random, subscriber), subscriber, 0, leaseMillis);
        }
    }

    private int[] membersExcept(int excluded) {
        int[] members = partialView.toArray();
        int at = partialView.indexOf(excluded);
        if (at < 0) {
            return members;
        }
        members[at] = members[members.length - 1];
        return Arrays.copyOf(members, members.length - 1);
    }

    private void forwardCopy(long nowMicros, int to, int subscriber, int hops, int leaseMillis) {
        channel.send(nowMicros, to, new ForwardedSubscription(channel.claimSeq(), subscriber, hops, leaseMillis));
    }

    void onForwardedSubscription(long nowMicros, ForwardedSubscription fs) {
        int subscriber = fs.subscriber();
        if (subscriber != self && !partialView.contains(subscriber)
                && random.nextInt(partialView.size() + 1) == 0) {
            keep(nowMicros, subscriber, fs.leaseMillis());
            return;
        }
        passOn(nowMicros, subscriber, fs.hops() + 1, fs.leaseMillis(), NodeIds.NONE);
    }

    /** Passes a subscription copy to a random member (never the subscriber, nor {@code avoid}). */
    private void passOn(long nowMicros, int subscriber, int hops, int leaseMillis, int avoid) {
        if (hops > config.forwardLimit() || hops < 0) { // negative: a peer's hop count of 2^31 - 1, plus one
            counters.dropped(DropReason.FORWARD_LIMIT);
            return;
        }
        int to = randomMemberExcept(subscriber, avoid);
        if (to == NodeIds.NONE) {
            if (subscriber != self && !partialView.contains(subscriber)) {
                keep(nowMicros, subscriber, leaseMillis);
            } else {
                counters.dropped(DropReason.NO_MEMBER_TO_FORWARD);
            }
            return;
        }
        forwardCopy(nowMicros, to, subscriber, hops, leaseMillis);
    }

    private int randomMemberExcept(int excluded, int alsoExcluded) {
        int pick = partialView.randomExcept(random, excluded);
        if (pick != NodeIds.NONE && pick == alsoExcluded) {
            // Redraw among the rest: rare, and keeps the choice uniform over what remains.
            int remaining = partialView.size() - (partialView.contains(excluded) ? 1 : 0) - 1;
            if (remaining == 0) {
                return NodeIds.NONE;
            }
            do {
                pick = partialView.randomExcept(random, excluded);
            } while (pick == alsoExcluded);
        }
        return pick;
    }

    private void keep(long nowMicros, int subscriber, int leaseMillis) {
        long expiry = leaseMillis == 0 ? IdList.NEVER : nowMicros + leaseMillis * 1000L;
        partialView.add(subscriber, expiry);
        counters.subscriptionKept();
        channel.send(nowMicros, subscriber, new Keep(channel.claimSeq()));
    }

    /**
     * One step of the indirection walk over PartialView ∪ InView taken as undirected edges. Subtracting
     * 1/degree at each visit cancels the walk's bias towards high-degree nodes, so where the budget
     * runs out is close to uniform over the group.
     */
    void onWalk(long nowMicros, Walk walk) {
        walkStep(nowMicros, walk.subscriber(), walk.budget(), walk.hops(), walk.leaseMillis(), walk.renewalCopies());
    }

    void walkStep(long nowMicros, int subscriber, double budget, int hops, int leaseMillis, int renewalCopies) {
        int degree = partialView.size() + inView.size();
        double left = degree == 0 ? 0 : budget - 1.0 / degree;
        int next = left > 0 && hops < config.forwardLimit() ? randomNeighbourExcept(subscriber, NodeIds.NONE) : NodeIds.NONE;
        if (next == NodeIds.NONE) {
            actAsContact(nowMicros, subscriber, leaseMillis, renewalCopies);
            if (hops > 0 && renewalCopies == 0) {
                channel.send(nowMicros, subscriber, new Adopt(channel.claimSeq()));
            }
        } else {
            channel.send(nowMicros, next, new Walk(channel.claimSeq(), subscriber, left, hops + 1, leaseMillis, renewalCopies));
        }
    }

    /** A uniformly random arc end of PartialView ∪ InView (a multiset) other than the given ids. */
    private int randomNeighbourExcept(int excluded, int alsoExcluded) {
        int degree = partialView.size() + inView.size();
        int usable = 0;
        for (int i = 0; i < degree; i++) {
            int n = neighbourAt(i);
            if (n != excluded && n != alsoExcluded) {
                usable++;
            }
        }
        if (usable == 0) {
            return NodeIds.NONE;
        }
        int pick = random.nextInt(usable);
        for (int i = 0; i < degree; i++) {
            int n = neighbourAt(i);
            if (n != excluded && n != alsoExcluded && pick-- == 0) {
                return n;
            }
        }
        throw new AssertionError("unreachable");
    }

    private int neighbourAt(int i) {
        return i < partialView.size() ? partialView.get(i) : inView.get(i - partialView.size());
    }

    /**
     * A subscription copy or walk step that {@code to} never acknowledged goes to another member
     * instead (a walk that has nowhere else to go ends here), so a silent member costs a detour,
     * not a lost subscription.
     */
    void redirect(long nowMicros, int to, MembershipMessage message) {
        if (message instanceof ForwardedSubscription fs) {
            passOn(nowMicros, fs.subscriber(), fs.hops() + 1, fs.leaseMillis(), to);
        } else if (message instanceof Walk walk) {
            int next = randomNeighbourExcept(walk.subscriber(), to);
            if (next == NodeIds.NONE) {
                actAsContact(nowMicros, walk.subscriber(), walk.leaseMillis(), walk.renewalCopies());
            } else {
                channel.send(nowMicros, next, new Walk(channel.claimSeq(), walk.subscriber(), walk.budget(),
                        walk.hops() + 1, walk.leaseMillis(), walk.renewalCopies()));
            }
        }
    }
}
