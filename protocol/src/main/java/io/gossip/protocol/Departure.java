package io.gossip.protocol;

import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.Remove;
import io.gossip.protocol.message.Replace;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;
import io.gossip.protocol.message.Walk;
import java.util.SplittableRandom;

/**
 * A node's graceful unsubscription and what it does once departed: the paper's replace/remove
 * messages at leave time, then answers to anyone who still sends as if it held the node. Split out
 * of {@link ScampNode}; it runs on the node's thread with the node's generator and channel, and
 * exists only once the node has left (a member carries no departure state).
 */
final class Departure {
    private final SplittableRandom random;
    private final ReliableChannel channel;
    /** The PartialView the node had, to hand out replacements to late senders. */
    private final int[] formerPartialView;
    /** The senders of unacknowledged messages (gossip, heartbeats) already answered. */
    private IdList toldOfDeparture;

    private Departure(SplittableRandom random, ReliableChannel channel, int[] formerPartialView) {
        this.random = random;
        this.channel = channel;
        this.formerPartialView = formerPartialView;
    }

    /**
     * Unsubscribes by the paper's rule: in-neighbours get a replacement from the PartialView or a
     * removal ({@link UnsubscriptionPlan}), out-neighbours are told to forget the node. Empties
     * both views and returns the departure that answers late senders.
     */
    static Departure announce(long nowMicros, ProtocolConfig config, SplittableRandom random, ReliableChannel channel,
            PartialView partialView, InView inView) {
        // A late Subscribe or Keep from us would make someone point at a departed node.
        channel.cancelSubscriptionsAndKeeps();
        int l = partialView.size();
        int lIn = inView.size();
        int replaces = UnsubscriptionPlan.replaceCount(l, lIn, config.c());
        for (int m = 0; m < lIn; m++) {
            int inNeighbour = inView.get(m);
            if (m < replaces) {
                int replacement = partialView.get(UnsubscriptionPlan.replacementIndex(m, l));
                channel.send(nowMicros, inNeighbour, new Replace(channel.claimSeq(), replacement));
            } else {
                channel.send(nowMicros, inNeighbour, new Remove(channel.claimSeq()));
            }
        }
        for (int i = 0; i < l; i++) {
            channel.send(nowMicros, partialView.get(i), new Unlink(channel.claimSeq()));
        }
        Departure departure = new Departure(random, channel, partialView.toArray());
        partialView.clear();
        inView.clear();
        return departure;
    }

    /**
     * Whoever still sends to a node that left holds it in its PartialView without having been told
     * (its Keep crossed our departure, or another leaver named us as its replacement): hand it a
     * replacement from our former PartialView, as the paper's unsubscription would have, so the arc
     * is not lost (or a plain Remove if we had no out-neighbour). Once per new membership message
     * (a retransmission is recognised), once per sender for gossip and heartbeats.
     */
    void answerLateSender(long nowMicros, int sender, Message message) {
        if (!impliesSenderHoldsUs(message)) {
            return; // never answer a Remove, Unlink, Replace or Adopt: two departed nodes would ping-pong
        }
        if (message instanceof MembershipMessage m && m.wantsAck()) {
            if (!channel.firstTime(nowMicros, sender, m.seq())) {
                return;
            }
        } else {
            if (toldOfDeparture == null) {
                toldOfDeparture = new IdList(false);
            }
            if (!toldOfDeparture.add(sender, IdList.NEVER)) {
                return;
            }
        }
        int replacement = NodeIds.NONE;
        if (formerPartialView.length > 0) {
            replacement = formerPartialView[random.nextInt(formerPartialView.length)];
        }
        if (replacement == NodeIds.NONE || replacement == sender) {
            channel.send(nowMicros, sender, new Remove(channel.claimSeq()));
        } else {
            channel.send(nowMicros, sender, new Replace(channel.claimSeq(), replacement));
        }
    }

    /** Hands {@code out} the former PartialView (replacements to hand out) and the senders already told. */
    void forEachHeldId(HeldIds out) {
        for (int member : formerPartialView) {
            out.held(HeldIds.Holder.FORMER_PARTIAL_VIEW, member);
        }
        if (toldOfDeparture != null) {
            toldOfDeparture.forEachId(HeldIds.Holder.TOLD_OF_DEPARTURE, out);
        }
    }

    private static boolean impliesSenderHoldsUs(Message message) {
        return message instanceof Subscribe || message instanceof ForwardedSubscription || message instanceof Walk
                || message instanceof Keep || message instanceof Gossip || message instanceof Heartbeat;
    }
}
