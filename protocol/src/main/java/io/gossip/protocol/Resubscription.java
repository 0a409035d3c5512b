package io.gossip.protocol;

import io.gossip.protocol.message.Subscribe;
import java.util.SplittableRandom;

/**
 * Re-subscribing a node that is already a member: when its lease ends, and when it has heard
 * nothing for the isolation timeout. Both send a new subscription through a random PartialView
 * member (the bootstrap contact when the PartialView is empty), start a new lease and keep the
 * PartialView; a renewal asks for a fixed number of copies ({@link Leases#renewalCopies}), an
 * isolation recovery for a new subscription's. Split out of {@link ScampNode}, which owns the
 * view, the generator and the channel this uses; it runs on the node's thread, inside the node's
 * calls, so the order of random draws, sends and counts is the node's.
 */
final class Resubscription {
    private final SplittableRandom random;
    private final Counters counters;
    private final PartialView partialView;
    private final ReliableChannel channel;
    private final Leases leases;

    /** The contact this node joined through; none for the bootstrap node. */
    private int bootstrapContact = NodeIds.NONE;

    Resubscription(SplittableRandom random, Counters counters, PartialView partialView,
            ReliableChannel channel, Leases leases) {
        this.random = random;
        this.counters = counters;
        this.partialView = partialView;
        this.channel = channel;
        this.leases = leases;
    }

    /** Remembers the join contact, the one to ask when the PartialView is empty. */
    void rememberBootstrapContact(int contact) {
        bootstrapContact = contact;
    }

    /**
     * Renews the ending lease: re-subscribes through a random PartialView member, asking for as
     * many copies as the ending subscription holds arcs. A node alone in the group (nobody to ask)
     * just starts its next lease: nobody holds it, nothing to renew.
     */
    void renewLease(long nowMicros) {
        int contact = contact();
        int copies = leases.renewalCopies();
        if (contact == NodeIds.NONE) {
            leases.start(nowMicros); // alone in the group: nobody holds us, nothing to renew
            return;
        }
        counters.leaseRenewal();
        subscribe(nowMicros, contact, copies);
    }

    /**
     * Re-subscribes as a new subscription (with its {@code c} extra copies: the in-arcs are
     * presumed dead), unless there is nobody to ask.
     */
    void recoverFromIsolation(long nowMicros) {
        int contact = contact();
        if (contact == NodeIds.NONE) {
            return; // a lone bootstrap node: nobody to ask
        }
        counters.isolationRecovery();
        subscribe(nowMicros, contact, 0);
    }

    /** Starts the next lease and sends {@code contact} a subscription carrying it. */
    private void subscribe(long nowMicros, int contact, int renewalCopies) {
        int leaseMillis = leases.start(nowMicros);
        channel.send(nowMicros, contact, new Subscribe(channel.claimSeq(), leaseMillis, renewalCopies));
    }

    private int contact() {
        return partialView.isEmpty() ? bootstrapContact : partialView.random(random);
    }
}
