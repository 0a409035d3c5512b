package io.gossip.protocol;

import io.gossip.protocol.message.Adopt;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Remove;
import io.gossip.protocol.message.Replace;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;
import io.gossip.protocol.message.Walk;

/**
 * What a member does with the membership messages it receives (subscriptions, keeps, replacements,
 * removals, unlinks, adoptions) and with those of its own that could not be delivered. Where a
 * subscription copy goes next is {@link SubscriptionRouting}'s part.
 *
 * <p>Split out of {@link ScampNode} as static rules over the node's own fields rather than as an
 * object the node owns: a node carries no extra reference or header for it (a part object per node
 * cost 200 B per node and 6-10 % of the simulator's speed). The statements are the node's, in the
 * node's order, so the random draws, sends and counter updates come in the same sequence.
 */
final class MembershipHandling {
    private MembershipHandling() {
    }

    /** Handles a membership message from {@code from} to a member, once per (sender, seq). */
    static void onMembership(ScampNode node, long nowMicros, int from, MembershipMessage message) {
        if (!node.channel.receive(nowMicros, from, message)) {
            return;
        }
        if (message instanceof Subscribe s) {
            onSubscribe(node, nowMicros, from, s);
        } else if (message instanceof ForwardedSubscription fs) {
            SubscriptionRouting.onForwardedSubscription(node, nowMicros, fs);
        } else if (message instanceof Walk walk) {
            SubscriptionRouting.onWalk(node, nowMicros, walk);
        } else if (message instanceof Keep keep) {
            if (keep.wantsAck() && node.unlinked.cancels(from, keep.seq(), nowMicros)) {
                node.counters.dropped(DropReason.NONSENSICAL);
            } else {
                node.joinTakenIn(); // kept: the contact handled our subscription, whatever became of its ack
                // The keeper holds us until our current lease (the one it kept) ends.
                node.inView.add(from, Leases.inViewExpiry(node,
                        node.leaseRenewalMicros == Long.MAX_VALUE ? 0 : node.leaseRenewalMicros));
            }
        } else if (message instanceof Replace replace) {
            onReplace(node, nowMicros, from, replace.replacement());
        } else if (message instanceof Remove) {
            if (!node.partialView.remove(from)) {
                node.counters.dropped(DropReason.NONSENSICAL);
            }
        } else if (message instanceof Unlink unlink) {
            if (!node.inView.remove(from) && unlink.wantsAck()) {
                // Its Keep has not arrived yet: remember, so that the late Keep is not applied.
                node.unlinked.add(from, unlink.seq(), nowMicros + node.config.retransmitHorizonMicros());
            }
        } else if (message instanceof Adopt) {
            node.joinTakenIn(); // the end of our walk: the contact handled our subscription
            onAdopt(node, nowMicros, from);
        }
    }

    private static void onSubscribe(ScampNode node, long nowMicros, int subscriber, Subscribe s) {
        if (s.wantsAck() && node.unlinked.cancels(subscriber, s.seq(), nowMicros)) {
            node.counters.dropped(DropReason.NONSENSICAL); // overtaken by the subscriber's departure
            return;
        }
        // A subscriber already in our InView is a member re-subscribing (isolation recovery, lease
        // renewal) through a random member of its PartialView: that contact is already random, no
        // walk needed, and its arc to us already exists with the lifetime of our own subscription.
        boolean member = node.inView.contains(subscriber);
        if (!member) {
            // A newcomer holds us (it put us in its PartialView before sending), until its lease ends.
            node.inView.add(subscriber, Leases.inViewExpiry(node,
                    s.leaseMillis() == 0 ? 0 : nowMicros + s.leaseMillis() * 1000L));
        }
        if (node.config.indirection() && !s.isRenewal() && !member) {
            SubscriptionRouting.walkStep(node, nowMicros, subscriber, node.config.walkBudget(), 0,
                    s.leaseMillis(), s.renewalCopies());
        } else {
            SubscriptionRouting.actAsContact(node, nowMicros, subscriber, s.leaseMillis(), s.renewalCopies());
        }
    }

    /**
     * The end of our join walk offers itself as our contact: swap the entry point for it, so the
     * entry point does not end up in every PartialView of the group. Only the first offer after a
     * join is taken (a re-subscription's walk also ends with an offer, which needs nothing); the
     * arc keeps the join arc's expiry.
     */
    private static void onAdopt(ScampNode node, long nowMicros, int contact) {
        int entry = node.awaitingAdoptionFrom;
        node.awaitingAdoptionFrom = NodeIds.NONE;
        int at = entry == NodeIds.NONE || entry == contact ? -1 : node.partialView.indexOf(entry);
        if (at < 0) {
            return;
        }
        long expiry = node.partialView.expiryAt(at);
        node.partialView.removeAt(at);
        node.sendMembership(nowMicros, entry, new Unlink(node.claimSeq()));
        if (node.partialView.add(contact, expiry)) {
            node.sendMembership(nowMicros, contact, new Keep(node.claimSeq()));
        }
    }

    private static void onReplace(ScampNode node, long nowMicros, int leaver, int replacement) {
        int at = node.partialView.indexOf(leaver);
        if (at < 0) {
            node.counters.dropped(DropReason.NONSENSICAL);
            return;
        }
        long expiry = node.partialView.expiryAt(at);
        node.partialView.removeAt(at);
        if (replacement != node.id && replacement != leaver && node.partialView.add(replacement, expiry)) {
            node.sendMembership(nowMicros, replacement, new Keep(node.claimSeq()));
        }
    }

    /**
     * A membership message could not be delivered. A subscription copy or walk is not lost: it goes
     * to another member instead. The silent member is not evicted: heartbeats and leases are the
     * mechanisms that deal with failed nodes, and evicting on a few lost acks would cut live arcs
     * under heavy loss.
     */
    static void onUndeliverable(ScampNode node, long nowMicros, int to, MembershipMessage message) {
        if (node.state != ScampNode.State.MEMBER) {
            return;
        }
        if (message instanceof ForwardedSubscription || message instanceof Walk) {
            SubscriptionRouting.redirect(node, nowMicros, to, message);
        } else if (message instanceof Subscribe s) {
            boolean joinSubscribe = node.joinProgress == JoinProgress.PENDING && to == node.joinSubscribeTo
                    && s.seq() == node.joinSubscribeSeq;
            int other = node.partialView.randomExcept(node.random, to);
            if (other != NodeIds.NONE) {
                Subscribe again = new Subscribe(node.claimSeq(), s.leaseMillis(), s.renewalCopies());
                node.sendMembership(nowMicros, other, again);
                if (joinSubscribe) { // the join goes on through another member
                    node.joinSubscribeTo = other;
                    node.joinSubscribeSeq = again.seq();
                }
            } else if (joinSubscribe) {
                node.joinProgress = JoinProgress.UNACKNOWLEDGED;
            }
        }
    }
}
