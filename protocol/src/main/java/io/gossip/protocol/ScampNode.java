package io.gossip.protocol;

import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.Subscribe;
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
 *
 * <p>The node holds the lifecycle, the dispatch of input and the wake-up schedule; the rules live in
 * package-private parts it owns and calls, all sharing its views, generator and channel:
 * {@code MembershipHandler} (received and undeliverable membership messages),
 * {@code SubscriptionRouting} (the contact's rule, forwarding, the indirection walk),
 * {@code Leases}, {@code Resubscription} (lease renewal, isolation recovery), {@code Heartbeats},
 * {@code PushGossip}, {@code ReliableChannel} and, once it has left, {@code Departure}.
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
    private final ReliableChannel channel;
    private final UnlinkTombstones unlinked = new UnlinkTombstones();
    private final Leases leases;
    private final Resubscription resubscription;
    private final PushGossip push;
    private final Heartbeats heartbeats;
    private final MembershipHandler membership;
    /** {@link #onUndeliverable}, bound once: a method reference per timeout would allocate each time. */
    private final ReliableChannel.Undeliverable undeliverable = this::onUndeliverable;

    private State state = State.NEW;
    private long requestedWakeMicros = Long.MAX_VALUE;
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
        SubscriptionRouting routing = new SubscriptionRouting(id, config, random, counters, partialView, inView, channel);
        this.leases = new Leases(config, random, counters, partialView, inView, channel);
        this.resubscription = new Resubscription(random, counters, partialView, channel, leases);
        this.push = new PushGossip(id, config, env, counters, partialView);
        this.heartbeats = new Heartbeats(config, random, push, resubscription);
        this.membership = new MembershipHandler(id, config, random, counters, partialView, inView, channel, routing,
                unlinked, leases);
    }

    // ------------------------------------------------------------------ application entry points

    /** Makes this node a group of one: the first node, which every other joins through. */
    public void bootstrap(long nowMicros) {
        requireState(State.NEW, "bootstrap");
        becomeMember(nowMicros);
        leases.start(nowMicros);
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
        resubscription.rememberBootstrapContact(contact);
        becomeMember(nowMicros);
        int leaseMillis = leases.startWithJoinArc(nowMicros, contact);
        membership.expectAdoptionFrom(contact);
        channel.send(nowMicros, contact, new Subscribe(channel.claimSeq(), leaseMillis, 0));
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
        long messageId = push.broadcast(nowMicros, payload);
        scheduleWake();
        return messageId;
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
        heartbeats.stop();
        leases.end();
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
        } else if (message instanceof MembershipMessage m) {
            membership.onMembership(nowMicros, from, m);
        } else if (message instanceof Gossip gossip) {
            heartbeats.heard(nowMicros);
            push.onGossip(nowMicros, gossip);
        } else if (message instanceof Heartbeat) {
            heartbeats.heard(nowMicros);
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
            leases.expire(nowMicros);
            heartbeats.onTimeout(nowMicros);
            if (leases.renewalDue(nowMicros)) {
                resubscription.renewLease(nowMicros);
            }
        }
        scheduleWake();
    }

    private void becomeMember(long nowMicros) {
        state = State.MEMBER;
        heartbeats.start(nowMicros);
    }

    /** Undeliverable membership messages of a node that left (or never joined) need nothing. */
    private void onUndeliverable(long nowMicros, int to, MembershipMessage message) {
        if (state == State.MEMBER) {
            membership.onUndeliverable(nowMicros, to, message);
        }
    }

    // ------------------------------------------------------------------ timers

    private long nextDeadline() {
        long deadline = Math.min(channel.nextDeadline(), unlinked.nextExpiry());
        if (state == State.MEMBER) {
            deadline = Math.min(deadline, heartbeats.nextDeadline());
            deadline = Math.min(deadline, leases.nextDeadline());
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
