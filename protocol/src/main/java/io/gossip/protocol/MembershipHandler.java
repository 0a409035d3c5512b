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
import java.util.SplittableRandom;

/**
 * How a member applies the membership messages it receives, and what it does with those it sent
 * and could not deliver. Subscriptions and their copies go on to {@link SubscriptionRouting}; the
 * rest (keeps, replacements, removals, unlinks, adoption offers) change the views here, with late
 * messages overtaken by an Unlink ignored ({@link UnlinkTombstones}). Split out of
 * {@link ScampNode}, which owns the state this reads and changes and calls it only while the node
 * is a member; it runs on the node's thread, inside the node's calls, so the order of random
 * draws, sends and counts is the node's.
 */
final class MembershipHandler {
    private final int self;
    private final ProtocolConfig config;
    private final SplittableRandom random;
    private final Counters counters;
    private final PartialView partialView;
    private final InView inView;
    private final ReliableChannel channel;
    private final SubscriptionRouting routing;
    private final UnlinkTombstones unlinked;
    private final Leases leases;

    /** The entry point this node joined through, until the end of its walk adopts it (see {@link Adopt}). */
    private int awaitingAdoptionFrom = NodeIds.NONE;

    MembershipHandler(int self, ProtocolConfig config, SplittableRandom random, Counters counters,
            PartialView partialView, InView inView, ReliableChannel channel, SubscriptionRouting routing,
            UnlinkTombstones unlinked, Leases leases) {
        this.self = self;
        this.config = config;
        this.random = random;
        this.counters = counters;
        this.partialView = partialView;
        this.inView = inView;
        this.channel = channel;
        this.routing = routing;
        this.unlinked = unlinked;
        this.leases = leases;
    }

    /** Takes the first adoption offer after a join as a replacement for the entry point {@code entry}. */
    void expectAdoptionFrom(int entry) {
        awaitingAdoptionFrom = entry;
    }

    /** Acknowledges {@code message} through the channel and applies it unless it was handled before. */
    void onMembership(long nowMicros, int from, MembershipMessage message) {
        if (!channel.receive(nowMicros, from, message)) {
            return;
        }
        if (message instanceof Subscribe s) {
            onSubscribe(nowMicros, from, s);
        } else if (message instanceof ForwardedSubscription fs) {
            routing.onForwardedSubscription(nowMicros, fs);
        } else if (message instanceof Walk walk) {
            routing.onWalk(nowMicros, walk);
        } else if (message instanceof Keep keep) {
            if (keep.wantsAck() && unlinked.cancels(from, keep.seq(), nowMicros)) {
                counters.dropped(DropReason.NONSENSICAL);
            } else {
                // The keeper holds us until our current lease (the one it kept) ends.
                inView.add(from, leases.keptArcInViewExpiry());
            }
        } else if (message instanceof Replace replace) {
            onReplace(nowMicros, from, replace.replacement());
        } else if (message instanceof Remove) {
            if (!partialView.remove(from)) {
                counters.dropped(DropReason.NONSENSICAL);
            }
        } else if (message instanceof Unlink unlink) {
            if (!inView.remove(from) && unlink.wantsAck()) {
                // Its Keep has not arrived yet: remember, so that the late Keep is not applied.
                unlinked.add(from, unlink.seq(), nowMicros + config.retransmitHorizonMicros());
            }
        } else if (message instanceof Adopt) {
            onAdopt(nowMicros, from);
        }
    }

    private void onSubscribe(long nowMicros, int subscriber, Subscribe s) {
        if (s.wantsAck() && unlinked.cancels(subscriber, s.seq(), nowMicros)) {
            counters.dropped(DropReason.NONSENSICAL); // overtaken by the subscriber's departure
            return;
        }
        // A subscriber already in our InView is a member re-subscribing (isolation recovery, lease
        // renewal) through a random member of its PartialView: that contact is already random, no
        // walk needed, and its arc to us already exists with the lifetime of our own subscription.
        boolean member = inView.contains(subscriber);
        if (!member) {
            // A newcomer holds us (it put us in its PartialView before sending), until its lease ends.
            inView.add(subscriber,
                    leases.inViewExpiry(s.leaseMillis() == 0 ? 0 : nowMicros + s.leaseMillis() * 1000L));
        }
        if (config.indirection() && !s.isRenewal() && !member) {
            routing.walkStep(nowMicros, subscriber, config.walkBudget(), 0, s.leaseMillis(), s.renewalCopies());
        } else {
            routing.actAsContact(nowMicros, subscriber, s.leaseMillis(), s.renewalCopies());
        }
    }

    /**
     * The end of our join walk offers itself as our contact: swap the entry point for it, so the
     * entry point does not end up in every PartialView of the group. Only the first offer after a
     * join is taken (a re-subscription's walk also ends with an offer, which needs nothing); the
     * arc keeps the join arc's expiry.
     */
    private void onAdopt(long nowMicros, int contact) {
        int entry = awaitingAdoptionFrom;
        awaitingAdoptionFrom = NodeIds.NONE;
        int at = entry == NodeIds.NONE || entry == contact ? -1 : partialView.indexOf(entry);
        if (at < 0) {
            return;
        }
        long expiry = partialView.expiryAt(at);
        partialView.removeAt(at);
        channel.send(nowMicros, entry, new Unlink(channel.claimSeq()));
        if (partialView.add(contact, expiry)) {
            channel.send(nowMicros, contact, new Keep(channel.claimSeq()));
        }
    }

    private void onReplace(long nowMicros, int leaver, int replacement) {
        int at = partialView.indexOf(leaver);
        if (at < 0) {
            counters.dropped(DropReason.NONSENSICAL);
            return;
        }
        long expiry = partialView.expiryAt(at);
        partialView.removeAt(at);
        if (replacement != self && replacement != leaver && partialView.add(replacement, expiry)) {
            channel.send(nowMicros, replacement, new Keep(channel.claimSeq()));
        }
    }

    /**
     * A membership message could not be delivered. A subscription copy or walk is not lost: it goes
     * to another member instead. The silent member is not evicted: heartbeats and leases are the
     * mechanisms that deal with failed nodes, and evicting on a few lost acks would cut live arcs
     * under heavy loss.
     */
    void onUndeliverable(long nowMicros, int to, MembershipMessage message) {
        if (message instanceof ForwardedSubscription || message instanceof Walk) {
            routing.redirect(nowMicros, to, message);
        } else if (message instanceof Subscribe s) {
            int other = partialView.randomExcept(random, to);
            if (other != NodeIds.NONE) {
                channel.send(nowMicros, other, new Subscribe(channel.claimSeq(), s.leaseMillis(), s.renewalCopies()));
            }
        }
    }
}
