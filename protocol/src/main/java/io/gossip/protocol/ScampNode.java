package io.gossip.protocol;

import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.Adopt;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.Subscribe;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

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
 *
 * <p>The rules live in package-private classes of static methods over this node's fields, so that a
 * node carries no object per group of rules: {@link MembershipHandling} (received and undeliverable
 * membership messages), {@link SubscriptionRouting} (where subscription copies go), {@link Leases}
 * (leases, renewal, isolation recovery), {@link Dissemination} (push gossip), {@link NodeTimers}
 * (wake-ups) and {@link Departure} (leaving). The fields are package-private for them.
 */
public final class ScampNode {
    enum State { NEW, MEMBER, LEFT }

    final int id;
    final ProtocolConfig config;
    final Environment env;
    final SplittableRandom random;
    final Counters counters;
    final PartialView partialView;
    final InView inView;
    final DuplicateMemory seen;
    final ReliableChannel channel;
    final UnlinkTombstones unlinked = new UnlinkTombstones();
    /** {@link #onUndeliverable}, bound once: a method reference per timeout would allocate each time. */
    private final ReliableChannel.Undeliverable undeliverable = this::onUndeliverable;

    State state = State.NEW;
    int bootstrapContact = NodeIds.NONE;
    int nextBroadcastSeq;
    long lastHeardMicros;
    long nextHeartbeatMicros = Long.MAX_VALUE;
    long leaseRenewalMicros = Long.MAX_VALUE;
    long requestedWakeMicros = Long.MAX_VALUE;
    /** Whether the arc to the join contact expires at this lease's end (see {@link Leases#renewLease}). */
    boolean joinArcExpiring;
    /** The entry point this node joined through, until the end of its walk adopts it (see {@link Adopt}). */
    int awaitingAdoptionFrom = NodeIds.NONE;
    /** After leaving: how late senders are answered; null while not departed. */
    Departure departure;
    /** How the join through a contact stands; see {@link JoinProgress}. */
    JoinProgress joinProgress = JoinProgress.NONE;
    /** While the join is pending: where its Subscribe went and its sequence number (followed on redirects). */
    int joinSubscribeTo = NodeIds.NONE;
    int joinSubscribeSeq;

    /**
     * A node that has not joined any group yet.
     *
     * @param id this node's id
     * @param config its configuration
     * @param env where its output goes
     * @param random its own generator, split from the run's root seed
     * @param counters where it counts events; may be shared by nodes driven by one thread
     * @throws IllegalArgumentException if {@code id} is negative
     * @throws NullPointerException if config, env, random or counters is null
     */
    public ScampNode(int id, ProtocolConfig config, Environment env, SplittableRandom random, Counters counters) {
        this(id, config, env, random, counters, 0);
    }

    /**
     * A node that has not joined any group yet, whose first broadcast is numbered
     * {@code firstSequence} and first membership message {@code firstSequence + 1} (each going on by
     * one and wrapping, membership numbers skipping {@link MembershipMessage#UNACKNOWLEDGED}). The
     * other constructor is this one with 0. A driver whose node may come back under the id of an
     * earlier incarnation (over UDP, a process restarted at the same address) draws
     * {@code firstSequence} at random, so that the node's peers do not take its first messages for
     * ones of the earlier incarnation they remember: see the package documentation.
     *
     * @param id this node's id
     * @param config its configuration
     * @param env where its output goes
     * @param random its own generator, split from the run's root seed
     * @param counters where it counts events; may be shared by nodes driven by one thread
     * @param firstSequence the sequence number of its first broadcast, any int
     * @throws IllegalArgumentException if {@code id} is negative
     * @throws NullPointerException if config, env, random or counters is null
     */
    public ScampNode(int id, ProtocolConfig config, Environment env, SplittableRandom random, Counters counters,
            int firstSequence) {
        this.id = NodeIds.check(id);
        this.config = Objects.requireNonNull(config, "config");
        this.env = Objects.requireNonNull(env, "env");
        this.random = Objects.requireNonNull(random, "random");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.partialView = new PartialView(config.leaseDurationMillis() > 0);
        this.inView = new InView(config.leaseDurationMillis() > 0);
        this.channel = new ReliableChannel(id, config, env, counters, firstSequence + 1);
        this.nextBroadcastSeq = firstSequence;
        this.seen = new DuplicateMemory(config.duplicateMemoryCapacity(), config.duplicateMemoryAgeMicros());
    }

    // ------------------------------------------------------------------ application entry points

    /**
     * Makes this node a group of one: the first node, which every other joins through.
     *
     * @param nowMicros the current time in microseconds on the driver's clock (only differences matter)
     * @throws IllegalStateException if this node already joined, bootstrapped or left
     */
    public void bootstrap(long nowMicros) {
        requireState(State.NEW, "bootstrap");
        NodeTimers.becomeMember(this, nowMicros);
        Leases.startLease(this, nowMicros);
        NodeTimers.scheduleWake(this);
    }

    /**
     * Joins the group that {@code contact} belongs to: puts the contact in the PartialView (so this
     * node can gossip at once) and sends it a subscription.
     *
     * @param nowMicros the current time in microseconds on the driver's clock
     * @param contact the id of a member of the group, {@code >= 0} and not this node's; whether the
     *     join worked shows later in {@link #joinProgress()}
     * @throws IllegalArgumentException if contact is negative or this node itself (checked before the state)
     * @throws IllegalStateException if this node already joined or left
     */
    public void join(long nowMicros, int contact) {
        NodeIds.check(contact);
        if (contact == id) {
            throw new IllegalArgumentException("node " + id + " cannot join through itself");
        }
        requireState(State.NEW, "join");
        bootstrapContact = contact;
        NodeTimers.becomeMember(this, nowMicros);
        int leaseMillis = Leases.startLease(this, nowMicros);
        Leases.holdContact(this, contact, leaseMillis);
        awaitingAdoptionFrom = contact;
        Subscribe subscribe = new Subscribe(claimSeq(), leaseMillis, 0);
        sendMembership(nowMicros, contact, subscribe);
        joinProgress = subscribe.wantsAck() ? JoinProgress.PENDING : JoinProgress.UNCONFIRMABLE;
        joinSubscribeTo = contact;
        joinSubscribeSeq = subscribe.seq();
        NodeTimers.scheduleWake(this);
    }

    /**
     * Disseminates {@code payload} to the group. The origin does not deliver its own message.
     *
     * @param nowMicros the current time in microseconds on the driver's clock
     * @param payload the application's bytes, at most {@link ProtocolConfig#maxPayloadBytes()} long;
     *     copied, so the caller may reuse the array
     * @return the message's identity, {@link Gossip#messageId(int, int)}
     * @throws NullPointerException if payload is null
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
        Dissemination.sendToPartialView(this, message.nextHop());
        NodeTimers.scheduleWake(this);
        return message.messageId();
    }

    /**
     * Unsubscribes gracefully: hands in-neighbours replacements or removals by the paper's rule and
     * tells out-neighbours to forget it. The node stops gossiping but keeps retransmitting these
     * messages until acknowledged.
     *
     * @param nowMicros the current time in microseconds on the driver's clock
     * @throws IllegalStateException if this node is not a member
     */
    public void leave(long nowMicros) {
        requireState(State.MEMBER, "leave");
        state = State.LEFT;
        if (joinProgress == JoinProgress.PENDING) {
            joinProgress = JoinProgress.ABANDONED; // leaving cancels the Subscribe's retransmissions
        }
        departure = Departure.announce(nowMicros, config, random, channel, partialView, inView);
        nextHeartbeatMicros = Long.MAX_VALUE;
        leaseRenewalMicros = Long.MAX_VALUE;
        NodeTimers.scheduleWake(this);
    }

    // ------------------------------------------------------------------ driver entry points

    /**
     * Handles a message that the network delivered from {@code from}. Anything malformed for this
     * node's state is ignored and counted, never applied.
     *
     * @param nowMicros the current time in microseconds on the driver's clock
     * @param from the sender's id as the driver knows it; a negative id or this node's own is
     *     dropped and counted ({@link DropReason#NONSENSICAL}, {@link DropReason#FROM_SELF})
     * @param message the message, not null
     * @throws NullPointerException if message is null
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
            if (channel.acknowledged(from, ack.seq()) instanceof Subscribe) {
                joinTakenIn();
            }
        } else if (state != State.MEMBER) {
            // Not acknowledged on purpose: the sender retries, then sends the copy elsewhere.
            counters.dropped(DropReason.NOT_MEMBER);
            if (state == State.LEFT) {
                departure.answerLateSender(nowMicros, from, message);
            }
        } else if (message instanceof MembershipMessage membership) {
            MembershipHandling.onMembership(this, nowMicros, from, membership);
        } else if (message instanceof Gossip gossip) {
            Dissemination.onGossip(this, nowMicros, gossip);
        } else if (message instanceof Heartbeat) {
            lastHeardMicros = nowMicros;
        }
        channel.forgetExpired(nowMicros);
        NodeTimers.scheduleWake(this);
    }

    /**
     * Handles whatever is due at {@code nowMicros}: retransmissions, heartbeats, leases, isolation.
     *
     * @param nowMicros the current time in microseconds on the driver's clock; a call earlier than
     *     the wake-up asked for does only what is due, so extra calls are harmless
     */
    public void onTimeout(long nowMicros) {
        if (nowMicros >= requestedWakeMicros) {
            requestedWakeMicros = Long.MAX_VALUE;
        }
        channel.retransmitDue(nowMicros, undeliverable);
        unlinked.expire(nowMicros);
        if (state == State.MEMBER) {
            Leases.expireLeases(this, nowMicros);
            if (nowMicros >= nextHeartbeatMicros) {
                Dissemination.sendToPartialView(this, Heartbeat.INSTANCE);
                nextHeartbeatMicros = nowMicros + config.heartbeatPeriodMicros();
            }
            if (config.isolationTimeoutMillis() > 0
                    && nowMicros - lastHeardMicros >= config.isolationTimeoutMicros()) {
                Leases.recoverFromIsolation(this, nowMicros);
            }
            if (nowMicros >= leaseRenewalMicros) {
                Leases.renewLease(this, nowMicros);
            }
        }
        NodeTimers.scheduleWake(this);
    }

    // ------------------------------------------------------------------ for the rule classes

    /** The next sequence number of this node's reliable channel. */
    int claimSeq() {
        return channel.claimSeq();
    }

    /** The group took this node's subscription in: a pending join has succeeded. */
    void joinTakenIn() {
        if (joinProgress == JoinProgress.PENDING) {
            joinProgress = JoinProgress.ACKNOWLEDGED;
        }
    }

    /** Sends a membership message through this node's reliable channel. */
    void sendMembership(long nowMicros, int to, MembershipMessage message) {
        channel.send(nowMicros, to, message);
    }

    /** See {@link MembershipHandling#onUndeliverable}. */
    private void onUndeliverable(long nowMicros, int to, MembershipMessage message) {
        MembershipHandling.onUndeliverable(this, nowMicros, to, message);
    }

    // ------------------------------------------------------------------ read-only views

    /**
     * Reads, and changes nothing of, the state a message to this node reads first: its own fields,
     * its views and their last ids, and what its channel holds. A driver that knows which nodes its
     * next events go to calls this for several of them in a row, so that their cache misses overlap
     * (see {@link ScampArena#prefetch}, the same for the arena). The result means nothing; the caller
     * keeps it (e.g. adds it into a field) so that the compiler keeps the loads.
     *
     * @return a value computed from the loads, of no meaning
     */
    public int prefetch() {
        int pv = partialView.size();
        int iv = inView.size();
        return pv + iv + (pv > 0 ? partialView.get(pv - 1) : 0) + (iv > 0 ? inView.get(iv - 1) : 0)
                + channel.prefetch() + (int) requestedWakeMicros;
    }

    /**
     * Hands {@code action} every node id this node's state still holds: its own id, its
     * PartialView and InView, the origins of the gossip messages its duplicate memory remembers,
     * the destination of every membership message awaiting an acknowledgement and the ids that
     * message names (a subscriber, a replacement), the senders of the membership messages it
     * remembers as handled, of the Unlinks it remembers as having overtaken a Keep, its bootstrap
     * contact, the entry point awaiting an adoption, where its join's subscription went, and, once
     * it has left, its former PartialView and the senders it told of its departure. An id may be
     * handed over more than once.
     *
     * <p>This is what lets a driver that maps its addresses to ids ({@link IdTable}) forget the
     * others and give their ids to new addresses: an id not handed over is one the node will never
     * name again (send to, name in a message, compare a sender or an origin with) unless the driver
     * gives it to the node again in a call. Remembered entries past their age bound are handed over
     * until the node forgets them (lazily, the next time it looks at them): a little slack, never a
     * missed reference. Reading only: it changes nothing and allocates two small objects at most,
     * so a driver may ask any node, in any state, between its calls (it is not a hot path).
     *
     * @param action called on this thread once per id held (some more than once); not null
     * @throws NullPointerException if action is null
     */
    public void forEachReferencedId(IntConsumer action) {
        Objects.requireNonNull(action, "action");
        forEachHeldId((holder, node) -> action.accept(node));
    }

    /** {@link #forEachReferencedId}, each id with the place that holds it (for the tests). */
    void forEachHeldId(HeldIds out) {
        out.held(HeldIds.Holder.SELF, id);
        partialView.forEachId(HeldIds.Holder.PARTIAL_VIEW, out);
        inView.forEachId(HeldIds.Holder.IN_VIEW, out);
        seen.forEachHighHalf(HeldIds.Holder.SEEN_ORIGINS, out); // message ids: origin << 32 | sequence number
        channel.forEachHeldId(out);
        unlinked.forEachHeldId(out);
        heldIfValid(out, HeldIds.Holder.BOOTSTRAP_CONTACT, bootstrapContact);
        heldIfValid(out, HeldIds.Holder.AWAITING_ADOPTION_FROM, awaitingAdoptionFrom);
        heldIfValid(out, HeldIds.Holder.JOIN_SUBSCRIBE_TO, joinSubscribeTo);
        if (departure != null) {
            departure.forEachHeldId(out);
        }
    }

    private static void heldIfValid(HeldIds out, HeldIds.Holder holder, int node) {
        if (NodeIds.isValid(node)) {
            out.held(holder, node);
        }
    }

    /**
     * This node's id.
     *
     * @return the id given at construction, {@code >= 0}
     */
    public int id() {
        return id;
    }

    /**
     * This node's configuration.
     *
     * @return the configuration given at construction, never null
     */
    public ProtocolConfig config() {
        return config;
    }

    /**
     * Whether the node has joined (or bootstrapped) and not left.
     *
     * @return true between {@link #join} or {@link #bootstrap} and {@link #leave}
     */
    public boolean isMember() {
        return state == State.MEMBER;
    }

    /**
     * How this node's join through a contact stands: {@link JoinProgress#PENDING} from
     * {@link #join} until the subscription is acknowledged or runs out of attempts. A driver polls
     * it after its calls into the node; it changes nothing the node does.
     *
     * @return the join's outcome so far, never null; {@link JoinProgress#NONE} for a new or bootstrapped node
     */
    public JoinProgress joinProgress() {
        return joinProgress;
    }

    /**
     * Whether the node has left the group.
     *
     * @return true once {@link #leave} was called; a node that left stays so
     */
    public boolean hasLeft() {
        return state == State.LEFT;
    }

    /**
     * A copy of the PartialView, in insertion order.
     *
     * @return a new array of node ids (the nodes this one gossips to); empty, not null, if none
     */
    public int[] partialView() {
        return partialView.toArray();
    }

    /**
     * Size of the PartialView.
     *
     * @return the number of node ids in it, {@code >= 0}, without copying
     */
    public int partialViewSize() {
        return partialView.size();
    }

    /**
     * Whether the PartialView holds {@code node}.
     *
     * @param node any node id
     * @return true if this node gossips to {@code node}
     */
    public boolean partialViewContains(int node) {
        return partialView.contains(node);
    }

    /**
     * A copy of the InView, in insertion order.
     *
     * @return a new array of node ids (the nodes that hold this one); empty, not null, if none
     */
    public int[] inView() {
        return inView.toArray();
    }

    /**
     * Size of the InView.
     *
     * @return the number of node ids in it, {@code >= 0}, without copying
     */
    public int inViewSize() {
        return inView.size();
    }

    /**
     * Whether the InView holds {@code node}.
     *
     * @param node any node id
     * @return true if this node believes {@code node} holds it in its PartialView
     */
    public boolean inViewContains(int node) {
        return inView.contains(node);
    }

    /**
     * Membership messages sent and not yet acknowledged.
     *
     * @return the count, {@code >= 0}: messages whose retransmissions are still scheduled
     */
    public int unacknowledgedCount() {
        return channel.unacknowledgedCount();
    }

    /**
     * The counters this node writes to (possibly shared with other nodes).
     *
     * @return the instance given at construction, never null
     */
    public Counters counters() {
        return counters;
    }

    private void requireState(State required, String action) {
        if (state != required) {
            String now = switch (state) {
                case NEW -> "is new" + (required == State.MEMBER ? " (join or bootstrap first)" : "");
                case MEMBER -> "is already a member";
                case LEFT -> "has left" + (required == State.NEW ? " (a node that left cannot join again)" : "");
            };
            throw new IllegalStateException("cannot " + action + ": node " + id + " " + now);
        }
    }

    @Override
    public String toString() {
        return "ScampNode[id=" + id + ", state=" + state + ", partialView=" + partialView.size()
                + ", inView=" + inView.size() + "]";
    }
}
