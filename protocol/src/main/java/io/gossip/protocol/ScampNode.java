package io.gossip.protocol;

import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.Adopt;
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
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One SCAMP node: membership (subscription, unsubscription, heartbeats, indirection, leases) and
 * push gossip, as a state machine with no I/O of its own.
 *
 * <p>Every entry point takes the current time in microseconds; sends, deliveries and wake-up requests
 * leave through the {@link Environment}; every random choice is drawn from the node's own
 * {@link SplittableRandom}. The same node therefore runs under the simulator's virtual clock and
 * under the UDP runtime's real one, and a seeded run is reproducible. A node is confined to one
 * thread: no method is thread-safe.
 *
 * <p>Lifecycle: create, then either {@link #bootstrap(long)} (the first node of a group) or
 * {@link #join(long, int)} through a contact; {@link #broadcast(long, byte[])} while a member;
 * {@link #leave(long)} to unsubscribe gracefully (the node keeps retransmitting its goodbyes until
 * they are acknowledged, so keep driving its timeouts for a while). See the package documentation
 * for the rules and the choices made where the papers are silent.
 */
public final class ScampNode {
    private enum State { NEW, MEMBER, LEFT }

    private final int id;
    private final ProtocolConfig config;
    private final Environment env;
    private final SplittableRandom random;
    private final Counters counters;
    private final PartialView partialView;
    private final InView inView;
    private final DuplicateMemory seen;
    private final ReliableChannel channel;
    private final SubscriptionRouting routing;
    private final UnlinkTombstones unlinked = new UnlinkTombstones();
    /** {@link #onUndeliverable}, bound once: a method reference per timeout would allocate each time. */
    private final ReliableChannel.Undeliverable undeliverable = this::onUndeliverable;

    private State state = State.NEW;
    private int bootstrapContact = NodeIds.NONE;
    private int nextBroadcastSeq;
    private long lastHeardMicros;
    private long nextHeartbeatMicros = Long.MAX_VALUE;
    private long leaseRenewalMicros = Long.MAX_VALUE;
    private long requestedWakeMicros = Long.MAX_VALUE;
    /** Whether the arc to the join contact expires at this lease's end (see {@link #renewLease}). */
    private boolean joinArcExpiring;
    /** The entry point this node joined through, until the end of its walk adopts it (see {@link Adopt}). */
    private int awaitingAdoptionFrom = NodeIds.NONE;
    /** After leaving: how late senders are answered; null while not departed. */
    private Departure departure;

    /**
     * A node that has not joined any group yet.
     *
     * @param id this node's id
     * @param config its configuration
     * @param env where its output goes
     * @param random its own generator, split from the run's root seed
     * @param counters where it counts events; may be shared by nodes driven by one thread
     */
    public ScampNode(int id, ProtocolConfig config, Environment env, SplittableRandom random, Counters counters) {
        this.id = NodeIds.check(id);
        this.config = Objects.requireNonNull(config, "config");
        this.env = Objects.requireNonNull(env, "env");
        this.random = Objects.requireNonNull(random, "random");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.partialView = new PartialView(config.leaseDurationMillis() > 0);
        this.inView = new InView(config.leaseDurationMillis() > 0);
        this.channel = new ReliableChannel(id, config, env, counters);
        this.routing = new SubscriptionRouting(id, config, random, counters, partialView, inView, channel);
        this.seen = new DuplicateMemory(config.duplicateMemoryCapacity(), config.duplicateMemoryAgeMicros());
    }

    // ------------------------------------------------------------------ application entry points

    /** Makes this node a group of one: the first node, which every other joins through. */
    public void bootstrap(long nowMicros) {
        requireState(State.NEW, "bootstrap");
        becomeMember(nowMicros);
        startLease(nowMicros);
        scheduleWake();
    }

    /**
     * Joins the group that {@code contact} belongs to: puts the contact in the PartialView (so this
     * node can gossip at once) and sends it a subscription.
     *
     * @throws IllegalArgumentException if contact is invalid or this node itself
     * @throws IllegalStateException if this node already joined or left
     */
    public void join(long nowMicros, int contact) {
        NodeIds.check(contact);
        if (contact == id) {
            throw new IllegalArgumentException("node " + id + " cannot join through itself");
        }
        requireState(State.NEW, "join");
        bootstrapContact = contact;
        becomeMember(nowMicros);
        int leaseMillis = startLease(nowMicros);
        // The arc to the contact belongs to this node's subscription: it expires with its first lease.
        partialView.add(contact, leaseMillis == 0 ? IdList.NEVER : leaseRenewalMicros);
        joinArcExpiring = leaseMillis > 0;
        awaitingAdoptionFrom = contact;
        sendMembership(nowMicros, contact, new Subscribe(claimSeq(), leaseMillis, 0));
        scheduleWake();
    }

    /**
     * Disseminates {@code payload} to the group. The origin does not deliver its own message.
     *
     * @return the message's identity, {@link Gossip#messageId(int, int)}
     * @throws IllegalStateException if this node is not a member
     * @throws IllegalArgumentException if the payload exceeds {@link ProtocolConfig#maxPayloadBytes()}
     */
    public long broadcast(long nowMicros, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        requireState(State.MEMBER, "broadcast");
        if (payload.length > config.maxPayloadBytes()) {
            throw new IllegalArgumentException("payload of " + payload.length
                    + " bytes exceeds maxPayloadBytes " + config.maxPayloadBytes());
        }
        Gossip message = Gossip.create(id, nextBroadcastSeq++, 0, payload);
        seen.add(message.messageId(), nowMicros);
        sendToPartialView(message.nextHop());
        scheduleWake();
        return message.messageId();
    }

    /**
     * Unsubscribes gracefully: hands in-neighbours replacements or removals by the paper's rule and
     * tells out-neighbours to forget it. The node stops gossiping but keeps retransmitting these
     * messages until acknowledged.
     *
     * @throws IllegalStateException if this node is not a member
     */
    public void leave(long nowMicros) {
        requireState(State.MEMBER, "leave");
        state = State.LEFT;
        departure = Departure.announce(nowMicros, config, random, channel, partialView, inView);
        nextHeartbeatMicros = Long.MAX_VALUE;
        leaseRenewalMicros = Long.MAX_VALUE;
        scheduleWake();
    }

    // ------------------------------------------------------------------ driver entry points

    /**
     * Handles a message that the network delivered from {@code from}. Anything malformed for this
     * node's state is ignored and counted, never applied.
     */
    public void onMessage(long nowMicros, int from, Message message) {
        Objects.requireNonNull(message, "message");
        counters.received(message.type());
        if (!NodeIds.isValid(from)) {
            counters.dropped(DropReason.NONSENSICAL);
            return;
        }
        if (from == id) {
            counters.dropped(DropReason.FROM_SELF);
            return;
        }
        if (message instanceof Ack ack) {
            channel.acknowledged(from, ack.seq());
        } else if (state != State.MEMBER) {
            // Not acknowledged on purpose: the sender retries, then sends the copy elsewhere.
            counters.dropped(DropReason.NOT_MEMBER);
            if (state == State.LEFT) {
                departure.answerLateSender(nowMicros, from, message);
            }
        } else if (message instanceof MembershipMessage membership) {
            onMembership(nowMicros, from, membership);
        } else if (message instanceof Gossip gossip) {
            onGossip(nowMicros, gossip);
        } else if (message instanceof Heartbeat) {
            lastHeardMicros = nowMicros;
        }
        channel.forgetExpired(nowMicros);
        scheduleWake();
    }

    /** Handles whatever is due at {@code nowMicros}: retransmissions, heartbeats, leases, isolation. */
    public void onTimeout(long nowMicros) {
        if (nowMicros >= requestedWakeMicros) {
            requestedWakeMicros = Long.MAX_VALUE;
        }
        channel.retransmitDue(nowMicros, undeliverable);
        unlinked.expire(nowMicros);
        if (state == State.MEMBER) {
            expireLeases(nowMicros);
            if (nowMicros >= nextHeartbeatMicros) {
                sendToPartialView(Heartbeat.INSTANCE);
                nextHeartbeatMicros = nowMicros + config.heartbeatPeriodMicros();
            }
            if (config.isolationTimeoutMillis() > 0
                    && nowMicros - lastHeardMicros >= config.isolationTimeoutMicros()) {
                recoverFromIsolation(nowMicros);
            }
            if (nowMicros >= leaseRenewalMicros) {
                renewLease(nowMicros);
            }
        }
        scheduleWake();
    }

    // ------------------------------------------------------------------ membership

    private void becomeMember(long nowMicros) {
        state = State.MEMBER;
        lastHeardMicros = nowMicros;
        if (config.heartbeatPeriodMillis() > 0) {
            nextHeartbeatMicros = nowMicros + 1 + random.nextLong(config.heartbeatPeriodMicros());
        }
    }

    /**
     * Sends a subscription to {@code contact}. The first lease is drawn uniformly from
     * (L/2, L] so that nodes joining together do not all renew together.
     */
    private void subscribe(long nowMicros, int contact, int renewalCopies) {
        int leaseMillis = startLease(nowMicros);
        sendMembership(nowMicros, contact, new Subscribe(claimSeq(), leaseMillis, renewalCopies));
    }

    /**
     * Starts this node's next lease period and returns its length in ms (0 without leases). The
     * renewal is due 1 µs before the lease ends: the keepers expire our arcs a lease after keeping
     * them, never before we sent the subscription, so the renewal always counts its arcs (see
     * {@link #renewLease}) before any keeper drops them, even over a zero-latency network.
     */
    private int startLease(long nowMicros) {
        if (config.leaseDurationMillis() == 0) {
            return 0;
        }
        long lease = config.leaseDurationMillis();
        if (leaseRenewalMicros == Long.MAX_VALUE) {
            lease = lease / 2 + 1 + random.nextLong(lease - lease / 2);
        }
        leaseRenewalMicros = nowMicros + lease * 1000 - 1;
        return (int) lease;
    }

    private void onMembership(long nowMicros, int from, MembershipMessage message) {
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
                inView.add(from, inViewExpiry(leaseRenewalMicros == Long.MAX_VALUE ? 0 : leaseRenewalMicros));
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
            inView.add(subscriber, inViewExpiry(s.leaseMillis() == 0 ? 0 : nowMicros + s.leaseMillis() * 1000L));
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
        sendMembership(nowMicros, entry, new Unlink(claimSeq()));
        if (partialView.add(contact, expiry)) {
            sendMembership(nowMicros, contact, new Keep(claimSeq()));
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
        if (replacement != id && replacement != leaver && partialView.add(replacement, expiry)) {
            sendMembership(nowMicros, replacement, new Keep(claimSeq()));
        }
    }

    /**
     * When an InView entry mirroring an arc that expires at {@code arcExpiryMicros} is forgotten:
     * one retransmission horizon later, so the holder's Unlink normally comes first. 0 = no lease.
     */
    private long inViewExpiry(long arcExpiryMicros) {
        if (config.leaseDurationMillis() == 0 || arcExpiryMicros == 0) {
            return IdList.NEVER;
        }
        return arcExpiryMicros + config.retransmitHorizonMicros();
    }

    private void expireLeases(long nowMicros) {
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
                sendMembership(nowMicros, expired, new Unlink(claimSeq()));
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
    private void renewLease(long nowMicros) {
        int contact = contactForResubscription();
        int own = arcsOfCurrentSubscription() + (joinArcExpiring ? 1 : 0);
        int copies = Math.max(own == 0 ? partialView.size() : own, config.c() + 1);
        joinArcExpiring = false;
        if (contact == NodeIds.NONE) {
            startLease(nowMicros); // alone in the group: nobody holds us, nothing to renew
            return;
        }
        counters.leaseRenewal();
        subscribe(nowMicros, contact, copies);
    }

    /** InView entries stamped by a Keep for the subscription of the current lease (see onMembership). */
    private int arcsOfCurrentSubscription() {
        long stamp = inViewExpiry(leaseRenewalMicros);
        int count = 0;
        for (int i = 0; i < inView.size(); i++) {
            if (inView.expiryAt(i) == stamp) {
                count++;
            }
        }
        return count;
    }

    private void recoverFromIsolation(long nowMicros) {
        lastHeardMicros = nowMicros;
        int contact = contactForResubscription();
        if (contact == NodeIds.NONE) {
            return; // a lone bootstrap node: nobody to ask
        }
        counters.isolationRecovery();
        subscribe(nowMicros, contact, 0);
    }

    private int contactForResubscription() {
        return partialView.isEmpty() ? bootstrapContact : partialView.random(random);
    }

    // ------------------------------------------------------------------ dissemination

    private void onGossip(long nowMicros, Gossip message) {
        lastHeardMicros = nowMicros;
        long messageId = message.messageId();
        if (seen.contains(messageId, nowMicros)) {
            counters.duplicate();
            return;
        }
        seen.add(messageId, nowMicros);
        counters.delivered();
        env.deliver(id, message);
        // The largest hop count is a limit too: one more hop cannot be counted (a peer may send it).
        if (message.hops() == Integer.MAX_VALUE
                || (config.gossipHopLimit() > 0 && message.hops() >= config.gossipHopLimit())) {
            counters.dropped(DropReason.GOSSIP_HOP_LIMIT);
            return;
        }
        sendToPartialView(message.nextHop());
    }

    private void sendToPartialView(Message message) {
        int n = partialView.size();
        for (int i = 0; i < n; i++) {
            env.send(id, partialView.get(i), message);
        }
        counters.sent(message.type(), n);
    }

    // ------------------------------------------------------------------ reliable delivery

    private int claimSeq() {
        return channel.claimSeq();
    }

    private void sendMembership(long nowMicros, int to, MembershipMessage message) {
        channel.send(nowMicros, to, message);
    }

    /**
     * A membership message could not be delivered. A subscription copy or walk is not lost: it goes
     * to another member instead. The silent member is not evicted: heartbeats and leases are the
     * mechanisms that deal with failed nodes, and evicting on a few lost acks would cut live arcs
     * under heavy loss.
     */
    private void onUndeliverable(long nowMicros, int to, MembershipMessage message) {
        if (state != State.MEMBER) {
            return;
        }
        if (message instanceof ForwardedSubscription || message instanceof Walk) {
            routing.redirect(nowMicros, to, message);
        } else if (message instanceof Subscribe s) {
            int other = partialView.randomExcept(random, to);
            if (other != NodeIds.NONE) {
                sendMembership(nowMicros, other, new Subscribe(claimSeq(), s.leaseMillis(), s.renewalCopies()));
            }
        }
    }

    // ------------------------------------------------------------------ timers

    private long nextDeadline() {
        long deadline = Math.min(channel.nextDeadline(), unlinked.nextExpiry());
        if (state == State.MEMBER) {
            deadline = Math.min(deadline, nextHeartbeatMicros);
            deadline = Math.min(deadline, leaseRenewalMicros);
            deadline = Math.min(deadline, partialView.earliestExpiry());
            deadline = Math.min(deadline, inView.earliestExpiry());
            if (config.isolationTimeoutMillis() > 0) {
                deadline = Math.min(deadline, lastHeardMicros + config.isolationTimeoutMicros());
            }
        }
        return deadline;
    }

    private void scheduleWake() {
        long deadline = nextDeadline();
        if (deadline < requestedWakeMicros) {
            requestedWakeMicros = deadline;
            env.wakeAt(id, deadline);
        }
    }

    // ------------------------------------------------------------------ read-only views

    /** This node's id. */
    /**
     * Reads, and changes nothing of, the state a message to this node reads first: its own fields,
     * its views and their last ids, and what its channel holds. A driver that knows which nodes its
     * next events go to calls this for several of them in a row, so that their cache misses overlap
     * (see {@link ScampArena#prefetch}, the same for the arena). The result means nothing; the caller
     * keeps it (e.g. adds it into a field) so that the compiler keeps the loads.
     */
    public int prefetch() {
        int pv = partialView.size();
        int iv = inView.size();
        return pv + iv + (pv > 0 ? partialView.get(pv - 1) : 0) + (iv > 0 ? inView.get(iv - 1) : 0)
                + channel.prefetch() + (int) requestedWakeMicros;
    }

    public int id() {
        return id;
    }

    /** This node's configuration. */
    public ProtocolConfig config() {
        return config;
    }

    /** Whether the node has joined (or bootstrapped) and not left. */
    public boolean isMember() {
        return state == State.MEMBER;
    }

    /** Whether the node has left the group. */
    public boolean hasLeft() {
        return state == State.LEFT;
    }

    /** A copy of the PartialView, in insertion order. */
    public int[] partialView() {
        return partialView.toArray();
    }

    /** Size of the PartialView. */
    public int partialViewSize() {
        return partialView.size();
    }

    /** Whether the PartialView holds {@code node}. */
    public boolean partialViewContains(int node) {
        return partialView.contains(node);
    }

    /** A copy of the InView, in insertion order. */
    public int[] inView() {
        return inView.toArray();
    }

    /** Size of the InView. */
    public int inViewSize() {
        return inView.size();
    }

    /** Whether the InView holds {@code node}. */
    public boolean inViewContains(int node) {
        return inView.contains(node);
    }

    /** Membership messages sent and not yet acknowledged. */
    public int unacknowledgedCount() {
        return channel.unacknowledgedCount();
    }

    /** The counters this node writes to (possibly shared with other nodes). */
    public Counters counters() {
        return counters;
    }

    private void requireState(State required, String action) {
        if (state != required) {
            throw new IllegalStateException("cannot " + action + ": node " + id + " is "
                    + state.name().toLowerCase(java.util.Locale.ROOT)
                    + (required == State.MEMBER ? " (join or bootstrap first)" : ""));
        }
    }

    @Override
    public String toString() {
        return "ScampNode[id=" + id + ", state=" + state + ", partialView=" + partialView.size()
                + ", inView=" + inView.size() + "]";
    }
}
