package io.gossip.protocol;

import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Walk;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Many SCAMP nodes in primitive arrays: the data-oriented form of {@link ScampNode} that lets one
 * simulator thread run a million nodes. Each node's state is one {@code int[]} ({@link NodeRecord}),
 * its generator included (four ints, drawn by {@link RandomStreams}); its unacknowledged and
 * handled membership messages are two lazily created {@code long[]}s ({@link ArenaChannel}); its
 * duplicate memory is in the record too, however long, with a bit per node for each of the newest
 * messages beside it ({@link RecentMessageHolders}), so that a copy of a message the node holds is
 * recognised without reading the record; messages travel as primitives ({@link ArenaEnvironment}).
 *
 * <p>The rules are {@link ScampNode}'s, statement for statement, and so is the order of every random
 * draw, send and wake-up request: a simulation run with an arena is byte-identical to the same run
 * with {@code ScampNode}s (the simulator's tests check this on several scenarios). It covers the
 * configurations of {@link #unsupported}: subscriptions through a contact with c extra copies,
 * forwarding and keeping, acknowledged membership messages with retransmission and redirection of
 * copies a member never acknowledged, push gossip with duplicate memory and hop limit, and
 * heartbeats with isolation recovery ({@link ArenaHeartbeats}), and the indirection walk with its
 * adoption, the Unlink of the replaced entry point and the tombstones of Unlinks that overtake a
 * Keep ({@link ArenaTombstones}), and graceful leaving with the answers of a departed node
 * ({@link ArenaDeparture}), and leases with their renewal ({@link ArenaLeases}); nodes that crash
 * simply go silent. A walk step carries a field that is not an int (its budget), and with leases
 * every subscription message carries its lease and a renewal's number of copies: these leave
 * through {@link ArenaEnvironment#sendSubscription} and come back through {@link #onSubscription}.
 *
 * <p>Hop counts of gossip are carried in 24 bits: a message that reached {@link #MAX_GOSSIP_HOPS}
 * hops is delivered but not forwarded, as {@code ScampNode} does at {@code Integer.MAX_VALUE}.
 */
public final class ScampArena {
    /** The largest gossip hop count an arena forwards from (see the class documentation). */
    public static final int MAX_GOSSIP_HOPS = (1 << 24) - 1;

    private static final int SUBSCRIBE = MessageType.SUBSCRIBE.ordinal();
    private static final int FORWARDED_SUBSCRIPTION = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
    private static final int KEEP = MessageType.KEEP.ordinal();
    private static final int GOSSIP = MessageType.GOSSIP.ordinal();
    private static final int ACK = MessageType.ACK.ordinal();
    private static final int HEARTBEAT = MessageType.HEARTBEAT.ordinal();
    private static final int WALK = MessageType.WALK.ordinal();
    private static final int ADOPT = MessageType.ADOPT.ordinal();
    private static final int UNLINK = MessageType.UNLINK.ordinal();
    private static final int REMOVE = MessageType.REMOVE.ordinal();
    private static final int REPLACE = MessageType.REPLACE.ordinal();

    private final ProtocolConfig config;
    private final ArenaEnvironment env;
    private final Counters counters;
    private final RandomStreams seeds;
    private final int seedStream;
    private final ArenaChannel channel;
    private final NodeRecords records;
    private final ArenaRouting routing;
    private final ArenaChannel.Undeliverable undeliverable;
    /** Which nodes hold each of the newest messages: most gossip copies are recognised from it alone. */
    private final RecentMessageHolders holders;
    /** Messages the driver declared over ({@link #messageOver}): nodes drop them from their memories. */
    private final OverMessages over;
    /** Each node's next heartbeat and last heartbeat heard; null when the configuration sends none. */
    private final ArenaHeartbeats heartbeats;
    /**
     * The members (joined, not left), the only place that says so: the records keep no state field
     * (4 bytes a node), since a node is created a member and only {@link #leave} ends that (it is
     * then in {@link #departures}). A heartbeat's arrival reads this and its clocks, neither the
     * record nor the channel (see {@link #countedAsHeartbeat}); at a million nodes it is 125 KB,
     * which stays in cache.
     */
    private final BitSet members = new BitSet();
    /** The high halves of the records' message counts, for the nodes whose counts passed 2^32. */
    private final CountWraps countWraps = new CountWraps();
    /**
     * The nodes that took the first adoption offer after their join. Until then a node awaits
     * adoption from its join contact ({@code ScampNode.awaitingAdoptionFrom}), which its record
     * keeps anyway: a bit per node, touched only by an Adopt, instead of an int.
     */
    private final BitSet adopted = new BitSet();
    /** The nodes' lease renewals and view entries' expiries; null when the configuration has no leases. */
    private final ArenaLeases leases;
    /** Unlinks that overtook the Keep they cancel, per node ({@code ScampNode.unlinked}). */
    private final ArenaTombstones tombstones = new ArenaTombstones();
    /** What each node that left keeps to answer late senders ({@code ScampNode.departure}). */
    private final Map<Integer, ArenaDeparture> departures = new HashMap<>();
    /**
     * The fields that do not travel as the primitive form's ints, of the subscription message
     * {@link #onSubscription} is handing to {@link #onMessage}: a walk step's budget (NaN outside
     * that call, so that a walk, or with leases any subscription message, given to
     * {@code onMessage} directly is refused), a subscription's lease and renewal copies (0 outside).
     */
    private double carriedBudget = Double.NaN;
    private int carriedLease;
    private int carriedCopies;
    /**
     * Copies recognised by {@link #holders} each node was handed, modulo 256: counted here without
     * reading the record, which takes them 256 at a time into its count of messages received
     * ({@link NodeRecord#RECEIVED}, where every other message is counted one by one).
     */
    private byte[] receivedLow;
    private long[] messageIds = new long[16];
    /**
     * Per node that ever broadcast, the sequence number of its next message (a ScampNode's
     * {@code nextBroadcastSeq}). A map, not a field of every record: it holds at most one entry per
     * broadcast, and each broadcast costs far more than an entry while it travels (8 bytes a node in
     * the duplicate memories), where a field cost 4 bytes for each of a million nodes that never
     * broadcast.
     */
    private final Map<Integer, Integer> broadcastSeqs = new HashMap<>();
    private int messages;

    /**
     * The virtual time an arena's nodes can reach: a record keeps the high bits of its times in 16
     * bits ({@code NodeRecord.TIME_HIGHS}), so times from 2^48 - 2^32 µs (8.9 years) on are refused.
     */
    public static final long TIME_LIMIT_MICROS = NodeRecord.TIME_LIMIT_MICROS;

    /**
     * Why an arena cannot run {@code config} until {@code endMicros} of virtual time, or null if it
     * can: besides {@link #unsupported(ProtocolConfig)}, a node's deadlines (retransmissions,
     * heartbeats, isolation, leases) reach past the run's end, and must stay below
     * {@link #TIME_LIMIT_MICROS}. The bound sums every timer, more than any one deadline needs.
     *
     * @param config the configuration the run would use, not null
     * @param endMicros the virtual time at which the run ends, in microseconds; a negative one is refused
     * @return a phrase naming what the arena lacks (it follows "does not support"), or null if it can run
     */
    public static String unsupported(ProtocolConfig config, long endMicros) {
        String why = unsupported(config);
        if (why != null) {
            return why;
        }
        // In doubles: a bound needs no exactness, and timers of any length must not overflow it.
        double timers = 1_000.0 * config.retransmitTimeoutMillis() * (1L << config.maxAttempts())
                + 1_000.0 * config.heartbeatPeriodMillis() + 1_000.0 * config.isolationTimeoutMillis()
                + 1_000.0 * config.leaseDurationMillis();
        if (endMicros < 0 || endMicros + timers >= TIME_LIMIT_MICROS) {
            return "runs that reach 8.9 years of virtual time, timers included";
        }
        return null;
    }

    /**
     * Why an arena cannot run {@code config}, or null if it can (whatever the run's length, times
     * below {@link #TIME_LIMIT_MICROS}: see {@link #unsupported(ProtocolConfig, long)}).
     *
     * @param config the configuration to check, not null
     * @return a phrase naming what the arena lacks (a duplicate memory age above about 71 minutes, or a
     *     forward limit of 2^20 - 1 or more), or null if it can run it
     */
    public static String unsupported(ProtocolConfig config) {
        if (config.duplicateMemoryAgeMicros() > NodeRecord.MAX_SEEN_AGE_MICROS) {
            return "a duplicate memory age above " + NodeRecord.MAX_SEEN_AGE_MICROS / 1_000 + " ms";
        }
        if (config.forwardLimit() >= ArenaChannel.MAX_HOPS) {
            return "a forward limit of " + ArenaChannel.MAX_HOPS + " or more";
        }
        return null;
    }

    /**
     * @param capacity how many nodes to make room for (grows on demand)
     * @param config the configuration of every node; must be supported (see {@link #unsupported})
     * @param env where output goes
     * @param seeds where the nodes' generators come from: each node, when it bootstraps or joins,
     *     splits its own off stream {@code seedStream}, as a {@code ScampNode} is given
     *     {@code seeds.split()}; the arena keeps it in the node's record
     * @param seedStream that stream
     * @param counters where every node counts events
     * @throws IllegalArgumentException if {@link #unsupported(ProtocolConfig)} names something in
     *     {@code config}
     * @throws NullPointerException if {@code config}, {@code env}, {@code seeds} or {@code counters} is null
     */
    public ScampArena(int capacity, ProtocolConfig config, ArenaEnvironment env, RandomStreams seeds,
            int seedStream, Counters counters) {
        String why = unsupported(Objects.requireNonNull(config, "config"));
        if (why != null) {
            throw new IllegalArgumentException("ScampArena does not support " + why + "; use ScampNode");
        }
        this.config = config;
        this.env = Objects.requireNonNull(env, "env");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
        this.seedStream = seedStream;
        this.counters = Objects.requireNonNull(counters, "counters");
        this.records = new NodeRecords(capacity);
        this.channel = new ArenaChannel(capacity, config, new CountingSender(), counters);
        this.routing = new ArenaRouting(config, counters, records, channel, members);
        this.undeliverable = routing::onUndeliverable;
        this.holders = new RecentMessageHolders(config.duplicateMemoryAgeMicros());
        this.over = new OverMessages(config.duplicateMemoryAgeMicros());
        this.receivedLow = new byte[records.capacity()];
        this.heartbeats = ArenaHeartbeats.of(config, records.capacity());
        this.leases = ArenaLeases.of(config, counters, records, channel, routing);
        routing.useLeases(leases);
    }

    // ------------------------------------------------------------------ application entry points

    /**
     * Makes {@code node} a group of one, like {@link ScampNode#bootstrap}.
     *
     * @param nowMicros the current virtual time in microseconds, below {@link #TIME_LIMIT_MICROS}
     * @param node the new node's id, {@code >= 0}; the arena grows to hold it
     * @throws IllegalArgumentException if {@code node} is negative
     * @throws IllegalStateException if {@code node} already joined or bootstrapped (even if it left since)
     */
    public void bootstrap(long nowMicros, int node) {
        int[] r = create(node);
        becomeMember(nowMicros, node, r);
        if (leases != null) {
            leases.startLease(nowMicros, node, r);
        }
        scheduleWake(node, r);
    }

    /**
     * {@code node} joins through {@code contact}, like {@link ScampNode#join}.
     *
     * @param nowMicros the current virtual time in microseconds, below {@link #TIME_LIMIT_MICROS}
     * @param node the new node's id, {@code >= 0}; the arena grows to hold it
     * @param contact the id of a member to subscribe through, {@code >= 0} and not {@code node}
     * @throws IllegalArgumentException if {@code node} or {@code contact} is negative, or they are equal
     * @throws IllegalStateException if {@code node} already joined or bootstrapped (even if it left since)
     */
    public void join(long nowMicros, int node, int contact) {
        NodeIds.check(contact);
        if (contact == node) {
            throw new IllegalArgumentException("node " + node + " cannot join through itself");
        }
        int[] r = create(node);
        r[NodeRecord.BOOTSTRAP_CONTACT] = contact;
        becomeMember(nowMicros, node, r);
        int leaseMillis = leases == null ? 0 : leases.startLease(nowMicros, node, r);
        // The arc to the contact belongs to this node's subscription: it expires with its first lease.
        r = holdContact(node, r, contact);
        routing.subscribe(nowMicros, node, r, contact, leaseMillis, 0);
        scheduleWake(node, records.get(node));
    }

    private int[] create(int node) {
        NodeIds.check(node);
        if (node >= records.capacity()) {
            int capacity = records.ensureRoomFor(node);
            channel.grow(capacity);
            receivedLow = Arrays.copyOf(receivedLow, capacity);
            if (heartbeats != null) {
                heartbeats.grow(capacity);
            }
            if (leases != null) {
                leases.grow(capacity);
            }
        }
        if (records.get(node) != null) {
            throw new IllegalStateException("node " + node + " already joined");
        }
        int[] r = NodeRecord.create();
        RandomStreams.splitInto(r, NodeRecord.RANDOM, seeds, seedStream);
        return store(node, r);
    }

    /** {@code NodeTimers.becomeMember}: a member from now, its heartbeat clocks started (drawing, as a node does). */
    private void becomeMember(long nowMicros, int node, int[] r) {
        members.set(node);
        if (heartbeats != null) {
            heartbeats.becomeMember(nowMicros, node, r);
        }
    }

    /**
     * {@code node} disseminates a message, like {@link ScampNode#broadcast}; returns the arena's index
     * of the message ({@link #messageId} gives its identity).
     *
     * @param nowMicros the current virtual time in microseconds, below {@link #TIME_LIMIT_MICROS}
     * @param node the id of a member
     * @return the message's index: 0 for the arena's first broadcast, then one more each time
     * @throws IllegalStateException if {@code node} is not a member
     */
    public int broadcast(long nowMicros, int node) {
        int[] r = member(node, "broadcast");
        int message = messages;
        if (message == messageIds.length) {
            messageIds = Arrays.copyOf(messageIds, message * 2);
        }
        int originSeq = broadcastSeqs.getOrDefault(node, 0);
        broadcastSeqs.put(node, originSeq + 1);
        messageIds[message] = io.gossip.protocol.message.Gossip.messageId(node, originSeq);
        messages++;
        holders.open(message, nowMicros, records.capacity());
        NodeRecord.seenExpire(r, nowMicros, config.duplicateMemoryAgeMicros());
        r = remember(nowMicros, node, r, message);
        sendToPartialView(node, r, GOSSIP, message, 1);
        scheduleWake(node, r);
        return message;
    }

    /**
     * {@code node} unsubscribes gracefully, like {@link ScampNode#leave}: in-neighbours get a
     * replacement from the PartialView or a removal by the paper's rule ({@link UnsubscriptionPlan}),
     * out-neighbours an Unlink; the views are emptied, and the node keeps retransmitting these
     * messages and answers late senders ({@link ArenaDeparture}) until the end.
     *
     * @param nowMicros the current virtual time in microseconds, below {@link #TIME_LIMIT_MICROS}
     * @param node the id of a member
     * @throws IllegalStateException if {@code node} is not a member
     */
    public void leave(long nowMicros, int node) {
        int[] r = member(node, "leave");
        members.clear(node);
        holders.forgetNode(node);
        // Departure.announce: a late Subscribe or Keep from us would make someone point at a departed node.
        channel.cancelSubscriptionsAndKeeps(node);
        int l = r[NodeRecord.PV_SIZE];
        int lIn = r[NodeRecord.IV_SIZE];
        int replaces = UnsubscriptionPlan.replaceCount(l, lIn, config.c());
        for (int m = 0; m < lIn; m++) {
            int inNeighbour = r[NodeRecord.ivStart(r) + m];
            if (m < replaces) {
                int replacement = NodeRecord.pvGet(r, UnsubscriptionPlan.replacementIndex(m, l));
                channel.send(nowMicros, node, inNeighbour, REPLACE, routing.claimSeq(r), replacement, 0);
            } else {
                channel.send(nowMicros, node, inNeighbour, REMOVE, routing.claimSeq(r), 0, 0);
            }
        }
        for (int i = 0; i < l; i++) {
            channel.send(nowMicros, node, NodeRecord.pvGet(r, i), UNLINK, routing.claimSeq(r), 0, 0);
        }
        departures.put(node, new ArenaDeparture(partialView(node)));
        NodeRecord.clearViews(r);
        if (leases != null) {
            leases.left(node);
        }
        scheduleWake(node, r);
    }

    /**
     * A message reached a node that is no member (one that left; a node that never joined has no
     * record): counted as dropped, and answered as {@code Departure.answerLateSender} does. Whoever
     * still sends to a node that left holds it without having been told; hand it a replacement
     * from the former PartialView (or a Remove), once per new membership message, once per sender
     * for anything unacknowledged. Never a Remove, Unlink, Replace or Adopt: two departed nodes
     * would answer each other for ever.
     */
    private void onNotMember(long nowMicros, int node, int sender, int type, int seq) {
        counters.dropped(DropReason.NOT_MEMBER);
        ArenaDeparture departure = departures.get(node);
        if (departure == null || !(type == SUBSCRIBE || type == FORWARDED_SUBSCRIPTION || type == WALK
                || type == KEEP || type == GOSSIP || type == HEARTBEAT)) {
            return;
        }
        boolean acknowledged = type != GOSSIP && type != HEARTBEAT && seq != 0;
        if (acknowledged ? !channel.firstTime(nowMicros, node, sender, seq) : !departure.firstAnswerTo(sender)) {
            return;
        }
        int[] r = records.get(node);
        int[] former = departure.formerPartialView;
        int replacement = former.length == 0 ? NodeIds.NONE
                : former[RandomStreams.nextInt(r, NodeRecord.RANDOM, former.length)];
        if (replacement == NodeIds.NONE || replacement == sender) {
            channel.send(nowMicros, node, sender, REMOVE, routing.claimSeq(r), 0, 0);
        } else {
            channel.send(nowMicros, node, sender, REPLACE, routing.claimSeq(r), replacement, 0);
        }
    }

    /**
     * Every copy of {@code message} sent so far has arrived, the last at {@code lastArrivalMicros},
     * and none will be sent again (the driver knows: gossip is sent by its origin and on a first
     * receipt only, so once the last copy in flight has arrived there is none): no node will be
     * handed it again, and nodes drop it from their duplicate memories at their next first receipt
     * of a message. A node's memory then holds only the messages still travelling.
     *
     * <p>What nodes do is the same as without dropping as long as no memory, as it would be without
     * dropping, fills up to its capacity: a full memory pushes its oldest entry out, and which
     * entry that is can depend on the dropped ones. The driver calls this only where that cannot
     * happen (the simulator: few enough broadcasts within twice the age bound, each over within
     * the age bound); each time a node remembers a message the arena checks that its entries plus
     * the over messages it may still hold by age stay below the capacity.
     *
     * @param message the arena's index of a broadcast message, in [0, {@link #messageCount()})
     * @param lastArrivalMicros the virtual time in microseconds at which its last copy arrived
     * @throws IndexOutOfBoundsException if {@code message} is not the index of a broadcast message
     * @throws IllegalStateException (at a later first receipt) if a node's memory could have been
     *     full: dropping could have changed which message it forgets, and the run stops rather than
     *     go on differently
     */
    public void messageOver(int message, long lastArrivalMicros) {
        Objects.checkIndex(message, messages);
        over.add(message, lastArrivalMicros);
    }

    /**
     * Messages broadcast so far: the next broadcast gets this index.
     *
     * @return the count, {@code >= 0}
     */
    public int messageCount() {
        return messages;
    }

    /**
     * The identity ({@code Gossip.messageId}) of the arena's message {@code message}.
     *
     * @param message the arena's index of a broadcast message, in [0, {@link #messageCount()})
     * @return the origin in the high 32 bits, its sequence number (from 0 per origin) in the low 32
     * @throws IndexOutOfBoundsException if {@code message} is not the index of a broadcast message
     */
    public long messageId(int message) {
        Objects.checkIndex(message, messages);
        return messageIds[message];
    }

    // ------------------------------------------------------------------ driver entry points

    /**
     * {@code node} handles a message from {@code from}, like {@link ScampNode#onMessage}.
     *
     * @param nowMicros the current virtual time in microseconds, below {@link #TIME_LIMIT_MICROS}
     * @param node the receiver's id, {@code >= 0}; a node that is not a member drops and counts the
     *     message (one that left still takes acks and answers late senders)
     * @param from the sender's id; a negative one or {@code node} itself is dropped and counted
     * @param type a {@link MessageType} ordinal
     * @param seq the sender's sequence number, 0 for gossip, heartbeats and unacknowledged messages
     * @param subject the subscriber, replacement or gossip message index, as in {@link ArenaEnvironment}
     * @param hops the hop count of gossip or of a subscription copy, else 0
     * @throws IllegalArgumentException if {@code type} is no ordinal, if it is a walk step (with leases,
     *     any subscription message), which goes to {@link #onSubscription}, or if {@code node} is negative
     */
    public void onMessage(long nowMicros, int node, int from, int type, int seq, int subject, int hops) {
        checkType(type);
        // A negative node holds nothing and is no member, so it falls through to recordOf, which refuses it.
        if (countedWithoutRecord(nowMicros, node, from, type, subject)) {
            return;
        }
        int[] r = recordOf(node);
        if (r != null) {
            countWraps.add(node, r, NodeRecord.RECEIVED, 1);
        }
        counters.received(MessageType.ofOrdinal(type));
        if (!NodeIds.isValid(from)) {
            counters.dropped(DropReason.NONSENSICAL);
            return;
        }
        if (from == node) {
            counters.dropped(DropReason.FROM_SELF);
            return;
        }
        if (r == null) {
            // Never joined: like a ScampNode not yet joined, whose channel has nothing awaiting an ack.
            counters.dropped(type == ACK ? DropReason.UNKNOWN_ACK : DropReason.NOT_MEMBER);
            return;
        }
        if (type == ACK) {
            // An ack only removes an awaited entry: the earliest deadline can only move later, so the
            // wakeup already requested stands, and handled entries are expired by their next use.
            channel.acknowledged(node, from, seq);
            return;
        }
        if (!members.get(node)) {
            // Not acknowledged on purpose: the sender retries, then sends the copy elsewhere.
            onNotMember(nowMicros, node, from, type, seq);
        } else if (type == GOSSIP) {
            onGossip(nowMicros, node, r, subject, hops);
        } else if (type == HEARTBEAT) {
            // Only without heartbeats of its own does a member get here (see countedAsHeartbeat): nothing to do.
        } else if (channel.receive(nowMicros, node, from, seq)) {
            onMembership(nowMicros, node, from, type, seq, subject, hops);
        }
        channel.forgetExpired(nowMicros, node);
        scheduleWake(node, records.get(node));
    }

    /**
     * {@code node} handles a subscription message sent by {@code from} through
     * {@link ArenaEnvironment#sendSubscription} (a walk step, or with leases any subscription
     * message), like {@link ScampNode#onMessage} given the {@link io.gossip.protocol.message.Walk},
     * {@link io.gossip.protocol.message.Subscribe} or
     * {@link io.gossip.protocol.message.ForwardedSubscription} with these fields.
     *
     * @param nowMicros the current virtual time in microseconds, below {@link #TIME_LIMIT_MICROS}
     * @param node the receiver's id, {@code >= 0}
     * @param from the sender's id
     * @param type the {@link MessageType} ordinal of {@code WALK}, {@code SUBSCRIBE} or
     *     {@code FORWARDED_SUBSCRIPTION}
     * @param seq the sender's sequence number, 0 if unacknowledged
     * @param subscriber the node that subscribed; ignored for a {@code SUBSCRIBE}, whose subscriber is
     *     its sender
     * @param hops forwards or walk steps so far, {@code >= 0}
     * @param budget what is left of a walk, finite; 0 for the other types
     * @param leaseMillis the subscription's lease in milliseconds, {@code >= 0}; 0 for none
     * @param renewalCopies a renewal's number of copies, {@code >= 0}; 0 for a new subscription
     * @throws IllegalArgumentException if {@code type} is none of these, the budget is not finite,
     *     or the lease or copies are negative (what those messages' constructors refuse)
     */
    public void onSubscription(long nowMicros, int node, int from, int type, int seq, int subscriber, int hops,
            double budget, int leaseMillis, int renewalCopies) {
        if (type != WALK && type != SUBSCRIBE && type != FORWARDED_SUBSCRIPTION) {
            throw new IllegalArgumentException("not a subscription message: type " + type);
        }
        if (!Double.isFinite(budget) || leaseMillis < 0 || renewalCopies < 0) {
            throw new IllegalArgumentException("budget must be finite, lease and copies >= 0: " + budget + ", "
                    + leaseMillis + ", " + renewalCopies);
        }
        carriedBudget = budget;
        carriedLease = leaseMillis;
        carriedCopies = renewalCopies;
        try {
            onMessage(nowMicros, node, from, type, seq, subscriber, hops);
        } finally {
            carriedBudget = Double.NaN;
            carriedLease = 0;
            carriedCopies = 0;
        }
    }

    /**
     * {@link #onSubscription(long, int, int, int, int, int, int, double, int, int)} for the message
     * object it stands for: a {@link io.gossip.protocol.message.Walk},
     * {@link io.gossip.protocol.message.Subscribe} or
     * {@link io.gossip.protocol.message.ForwardedSubscription}, as a driver that carries
     * {@link ArenaEnvironment#sendSubscription}'s messages as those objects hands them back.
     *
     * @param nowMicros the current virtual time in microseconds, below {@link #TIME_LIMIT_MICROS}
     * @param node the receiver's id, {@code >= 0}
     * @param from the sender's id
     * @param message a walk step, subscription or forwarded subscription, not null
     * @throws IllegalArgumentException if {@code message} is none of these
     */
    public void onSubscription(long nowMicros, int node, int from, MembershipMessage message) {
        int type = message.type().ordinal();
        if (message instanceof Walk w) {
            onSubscription(nowMicros, node, from, type, w.seq(), w.subscriber(), w.hops(), w.budget(), w.leaseMillis(),
                    w.renewalCopies());
        } else if (message instanceof Subscribe s) {
            onSubscription(nowMicros, node, from, type, s.seq(), 0, 0, 0, s.leaseMillis(), s.renewalCopies());
        } else if (message instanceof ForwardedSubscription fs) {
            onSubscription(nowMicros, node, from, type, fs.seq(), fs.subscriber(), fs.hops(), 0, fs.leaseMillis(), 0);
        } else {
            throw new IllegalArgumentException("not a subscription message: " + message);
        }
    }

    /**
     * Refuses a type that is no message type's ordinal, and a walk step (with leases, any
     * subscription message) handed to {@code onMessage} without the fields it carries. Kept out of
     * {@code onMessage}, like the shortcuts below, so that the compiler still inlines that into its
     * caller (past 325 bytes of bytecode it stops: the scale benchmark's joins were 8 % slower when
     * it grew past that).
     */
    private void checkType(int type) {
        if (type < 0 || type >= MessageType.count()) {
            throw new IllegalArgumentException("no message type has ordinal " + type);
        }
        if ((type == WALK || (leases != null && (type == SUBSCRIBE || type == FORWARDED_SUBSCRIPTION)))
                && Double.isNaN(carriedBudget)) {
            throw new IllegalArgumentException(MessageType.ofOrdinal(type)
                    + " carries fields beyond the primitive form: hand it to onSubscription");
        }
    }

    /** The shortcuts that count a message without reading its node's record: held gossip copies and heartbeats. */
    private boolean countedWithoutRecord(long nowMicros, int node, int from, int type, int subject) {
        return type == GOSSIP ? countedAsHeldCopy(nowMicros, node, from, subject)
                : type == HEARTBEAT && countedAsHeartbeat(nowMicros, node, from);
    }

    /**
     * If {@code node} is a member hearing a heartbeat from a valid other node, counts it and restarts
     * the node's isolation watch, as {@link #onMessage} would, and returns true, without reading the
     * node's record or channel. The full path would change nothing else: the wakeup asked for stands
     * (hearing moves the watch's end later, never earlier), and the handled messages it would forget
     * for age are forgotten by their next use or by the node's next wakeup, at least one a heartbeat
     * period. Heartbeats are most of the traffic of a group running the defaults: with this, their
     * arrivals touch a few bytes per node (the clocks, a count, a bit) that stay in cache where the
     * records do not.
     */
    private boolean countedAsHeartbeat(long nowMicros, int node, int from) {
        if (heartbeats == null || node < 0 || !members.get(node) || !NodeIds.isValid(from) || from == node) {
            return false;
        }
        heartbeats.heard(nowMicros, node);
        countReceivedWithoutRecord(node, MessageType.HEARTBEAT);
        return true;
    }

    /**
     * Counts a message handed to {@code node} in its byte of {@link #receivedLow}, which the record
     * takes 256 at a time, and in the counters by type.
     */
    private void countReceivedWithoutRecord(int node, MessageType type) {
        if (++receivedLow[node] == 0) {
            countWraps.add(node, records.get(node), NodeRecord.RECEIVED, 256);
        }
        counters.received(type);
    }

    /**
     * If gossip {@code message} from {@code from} is a copy of a message {@code node} holds, as most
     * gossip arrivals are, counts it as {@link #onMessage} would and returns true, without reading
     * the node's record. The full path would change nothing else: the entries it would forget for
     * age are forgotten by the node's next use of its memory and channel, which does that first, and
     * the wakeup it would ask for is already asked for (nothing the node awaits has changed; hearing
     * gossip moves its isolation watch's end later, never earlier). Kept
     * out of {@code onMessage} so that the compiler still inlines that into its caller.
     */
    private boolean countedAsHeldCopy(long nowMicros, int node, int from, int message) {
        if (!holders.surelyHeld(message, node, nowMicros) || !NodeIds.isValid(from) || from == node) {
            return false;
        }
        if (heartbeats != null) {
            heartbeats.heard(nowMicros, node); // any gossip counts as heard, as in Dissemination.onGossip
        }
        countReceivedWithoutRecord(node, MessageType.GOSSIP);
        counters.duplicate();
        return true;
    }

    /**
     * Reads, and changes nothing of, the state a message to {@code node} reads first: its record's
     * header and PartialView, and the first entries of its acks awaited and messages handled. A
     * driver that knows which nodes its next events go to calls this for several of them in a row:
     * the loads are independent, so their cache misses overlap, where one event after another each
     * waits on memory alone. Any id is accepted (a node that never joined, or no node, reads
     * nothing). The result means nothing; the caller keeps it (e.g. adds it into a field) so that
     * the compiler keeps the loads.
     *
     * @param node any int
     * @return a value computed from the loads, of no meaning
     */
    public int prefetch(int node) {
        int[] r = records.orNull(node);
        if (r == null) {
            return 0;
        }
        // The header's two lines, the PartialView's end (a first receipt sends to all of it, a
        // membership message looks its subject up in it) and, once the node remembers messages,
        // the record's end, where the newest seen entries lie, which a duplicate check meets first
        // and a first receipt appends to. Before that (the join phase) the end is the InView's,
        // which most messages do not read: loading it there made the join phase 3-5 % slower (three pairs).
        int pvEnd = NodeRecord.pvStart(r) + r[NodeRecord.PV_SIZE];
        int newestSeen = r[NodeRecord.SEEN_SIZE] > 0 ? r[NodeRecord.used(r) - 1] : 0;
        return r[NodeRecord.PV_SIZE] + r[NodeRecord.HEADER - 1] + r[Math.min(pvEnd, r.length - 1)] + newestSeen
                + channel.prefetch(node) + (heartbeats == null ? 0 : heartbeats.prefetch(node))
                + (leases == null ? 0 : leases.prefetch(node));
    }

    /**
     * {@link #prefetch(int)} for a message of {@code type} (as {@link #onMessage} would be given it)
     * that {@link #prefetchHeldCopy} did not recognise as a held gossip copy: a heartbeat to a member
     * reads its count and its clocks, not the record; an ack reads the record's count and the acks
     * awaited, not the views or the messages handled; anything else what {@link #prefetch(int)}
     * reads. Any values are accepted (a hint, like {@link #prefetch(int)}: it changes nothing).
     *
     * @param node any int
     * @param type any int; a {@link MessageType} ordinal makes the hint useful
     * @return a value computed from the loads, of no meaning
     */
    public int prefetch(int node, int type) {
        if (type == HEARTBEAT && heartbeats != null && node >= 0 && members.get(node)) {
            return receivedLow[node] + heartbeats.prefetch(node); // see countedAsHeartbeat
        }
        if (type == ACK) {
            // An ack counts itself in the record and removes an awaited entry: nothing else is read.
            int[] r = records.orNull(node);
            return r == null ? 0 : r[NodeRecord.RECEIVED] + channel.prefetchAwaiting(node);
        }
        return prefetch(node);
    }

    /**
     * For reading ahead in two steps: if a message of {@code type} about {@code subject} arriving at
     * {@code node} looks like a copy of a gossip message the node holds, reads what handling such a
     * copy reads (its count; see {@link #onMessage}) and returns it, 0 or more; otherwise returns -1
     * and reads nothing, and the caller reads the node's state with {@link #prefetch(int, int)}
     * later, together with that of other such messages, so that their misses overlap. In a
     * broadcast most messages are held copies. A hint that changes nothing: any values are
     * accepted, and the answer may be out of date by the time the message is handled.
     *
     * @param node any int
     * @param type any int; only the {@code GOSSIP} ordinal can give a held copy
     * @param subject the gossip message's arena index
     * @return -1 if the message does not look like a held copy, else a value of no meaning, {@code >= 0}
     */
    public int prefetchHeldCopy(int node, int type, int subject) {
        return type == GOSSIP && node >= 0 && holders.mayHold(subject, node) ? receivedLow[node] & 0xFF : -1;
    }

    /**
     * {@link #prefetch(int)} for a wakeup of {@code node}: most wakeups find every message of their
     * node acknowledged and read only its wakeup time (see {@link #onTimeout}), so the rest of the
     * record and the channel are read only if the node awaits an ack. Any id is accepted.
     *
     * @param node any int
     * @return a value computed from the loads, of no meaning
     */
    public int prefetchWake(int node) {
        int[] r = records.orNull(node);
        if (r == null) {
            return 0;
        }
        // With heartbeats or leases, a wakeup is as often a heartbeat to send or a lease: it reads the views.
        return channel.awaitsAck(node) || heartbeats != null || leases != null
                ? prefetch(node) : r[NodeRecord.WAKE_LOW];
    }

    /**
     * {@code node} handles what is due, like {@link ScampNode#onTimeout}.
     *
     * @param nowMicros the current virtual time in microseconds, below {@link #TIME_LIMIT_MICROS}
     * @param node the node's id, {@code >= 0}; a node that never joined has nothing due
     * @throws IllegalArgumentException if {@code node} is negative
     */
    public void onTimeout(long nowMicros, int node) {
        int[] r = recordOf(node);
        if (r == null) {
            return; // never joined: nothing can be due
        }
        if (nowMicros >= NodeRecord.wake(r)) {
            NodeRecord.setWake(r, Long.MAX_VALUE);
        }
        boolean awaits = channel.awaitsAck(node);
        if (!awaits && heartbeats == null && leases == null && !tombstones.holds(node)) {
            // Most timers find their message acknowledged. With nothing awaited, the rest would only
            // forget expired handled messages, which every later use of them does first anyway, and
            // find no deadline to ask for: skip it, and the arrays it would read.
            return;
        }
        if (awaits) {
            channel.retransmitDue(nowMicros, node, undeliverable);
        } else {
            channel.forgetExpired(nowMicros, node); // retransmitDue's first step: see countedAsHeartbeat
        }
        tombstones.expire(node, nowMicros);
        if (members.get(node)) {
            if (leases != null) {
                leases.expire(nowMicros, node);
            }
            if (heartbeats != null) {
                keepInTouch(nowMicros, node);
            }
            if (leases != null) {
                leases.renewIfDue(nowMicros, node);
            }
        }
        scheduleWake(node, records.get(node));
    }

    /**
     * {@code ScampNode.onTimeout}'s heartbeat part, in its order: the heartbeat to every PartialView
     * member if due, then, after hearing none for the isolation timeout, a new subscription through a
     * random member ({@code Leases.recoverFromIsolation}; with leases, under a new lease period).
     */
    private void keepInTouch(long nowMicros, int node) {
        if (heartbeats.due(nowMicros, node)) {
            sendToPartialView(node, records.get(node), HEARTBEAT, 0, 0);
            heartbeats.sent(nowMicros, node);
        }
        if (heartbeats.isolated(nowMicros, node)) {
            heartbeats.heard(nowMicros, node);
            int[] r = records.get(node);
            int contact = r[NodeRecord.PV_SIZE] == 0 ? r[NodeRecord.BOOTSTRAP_CONTACT] : NodeRecord.pvRandom(r);
            if (contact == NodeIds.NONE) {
                return; // a lone bootstrap node: nobody to ask
            }
            counters.isolationRecovery();
            int leaseMillis = leases == null ? 0 : leases.startLease(nowMicros, node, r);
            if (r[NodeRecord.PV_SIZE] == 0) { // Leases.subscribe: hold the bootstrap contact, as a join does
                r = holdContact(node, r, contact);
            }
            routing.subscribe(nowMicros, node, r, contact, leaseMillis, 0);
        }
    }

    // ------------------------------------------------------------------ membership

    /** {@code MembershipHandling.onMembership}, once the channel has acked it and found it new. */
    private void onMembership(long nowMicros, int node, int from, int type, int seq, int subject, int hops) {
        if (type == SUBSCRIBE) {
            onSubscribe(nowMicros, node, from, seq);
        } else if (type == FORWARDED_SUBSCRIPTION) {
            routing.onForwardedSubscription(nowMicros, node, subject, hops, carriedLease);
        } else if (type == KEEP) {
            if (seq != 0 && tombstones.cancels(node, from, seq, nowMicros)) {
                counters.dropped(DropReason.NONSENSICAL); // overtaken by the keeper's Unlink
            } else {
                ivAdd(node, records.get(node), from, leases == null ? IdList.NEVER : leases.keptInViewExpiry(node));
            }
        } else if (type == WALK) {
            routing.walkStep(nowMicros, node, subject, carriedBudget, hops, carriedLease, carriedCopies);
        } else if (type == ADOPT) {
            onAdopt(nowMicros, node, from);
        } else if (type == UNLINK) {
            if (!ivRemove(node, records.get(node), from) && seq != 0) {
                // Its Keep has not arrived yet: remember, so that the late Keep is not applied.
                tombstones.add(node, from, seq, nowMicros + config.retransmitHorizonMicros());
            }
        } else if (type == REMOVE) {
            int[] r = records.get(node);
            int at = NodeRecord.pvIndexOf(r, from);
            if (at < 0) {
                counters.dropped(DropReason.NONSENSICAL);
            } else {
                pvRemoveAt(node, r, at);
            }
        } else { // REPLACE, the last membership type
            onReplace(nowMicros, node, from, subject);
        }
    }

    /** {@code MembershipHandling.onReplace}: {@code leaver} left and names {@code replacement} in its place. */
    private void onReplace(long nowMicros, int node, int leaver, int replacement) {
        int[] r = records.get(node);
        int at = NodeRecord.pvIndexOf(r, leaver);
        if (at < 0 || !NodeIds.isValid(replacement)) { // a Replace object cannot name an invalid id
            counters.dropped(DropReason.NONSENSICAL);
            return;
        }
        long expiry = leases == null ? IdList.NEVER : leases.pvExpiry(node, at);
        pvRemoveAt(node, r, at);
        if (replacement != node && replacement != leaver) {
            boolean added = NodeRecord.pvIndexOf(r, replacement) < 0;
            r = pvAdd(node, r, replacement, expiry); // held already: the later expiry stays
            if (added) {
                channel.send(nowMicros, node, replacement, KEEP, routing.claimSeq(r), 0, 0);
            }
        }
    }

    private void onSubscribe(long nowMicros, int node, int subscriber, int seq) {
        if (seq != 0 && tombstones.cancels(node, subscriber, seq, nowMicros)) {
            counters.dropped(DropReason.NONSENSICAL); // overtaken by the subscriber's Unlink
            return;
        }
        int[] r = records.get(node);
        // A subscriber already in the InView is re-subscribing (isolation recovery, lease renewal)
        // through a random member of its PartialView: that contact is already random, no walk needed.
        boolean member = NodeRecord.ivContains(r, subscriber);
        if (!member) {
            // A newcomer holds us (it put us in its PartialView before sending), until its lease ends.
            ivAdd(node, r, subscriber, leases == null ? IdList.NEVER
                    : leases.inViewExpiry(carriedLease == 0 ? 0 : nowMicros + carriedLease * 1000L));
        }
        if (config.indirection() && carriedCopies == 0 && !member) {
            routing.walkStep(nowMicros, node, subscriber, config.walkBudget(), 0, carriedLease, carriedCopies);
        } else {
            routing.actAsContact(nowMicros, node, subscriber, carriedLease, carriedCopies);
        }
    }

    /**
     * {@code MembershipHandling.onAdopt}: the end of this node's join walk offers itself as its
     * contact; the first offer after the join swaps the entry point for it.
     */
    private void onAdopt(long nowMicros, int node, int contact) {
        int[] r = records.get(node);
        int entry = adopted.get(node) ? NodeIds.NONE : r[NodeRecord.BOOTSTRAP_CONTACT];
        adopted.set(node);
        int at = entry == NodeIds.NONE || entry == contact ? -1 : NodeRecord.pvIndexOf(r, entry);
        if (at < 0) {
            return;
        }
        long expiry = leases == null ? IdList.NEVER : leases.pvExpiry(node, at); // the join arc's
        pvRemoveAt(node, r, at);
        channel.send(nowMicros, node, entry, UNLINK, routing.claimSeq(r), 0, 0);
        boolean added = NodeRecord.pvIndexOf(r, contact) < 0;
        r = pvAdd(node, r, contact, expiry); // held already: the later expiry stays
        if (added) {
            channel.send(nowMicros, node, contact, KEEP, routing.claimSeq(r), 0, 0);
        }
    }

    // ------------------------------------------------------------------ view changes (with leases, their expiries too)

    /**
     * Adds {@code id} to the PartialView unless held (with leases, an id held keeps the later
     * expiry); returns the record.
     */
    /**
     * The node holds {@code contact}, through which it subscribes: for good without leases, else
     * until its lease (just started) is renewed ({@link ArenaLeases#holdContact}).
     */
    private int[] holdContact(int node, int[] r, int contact) {
        return leases == null ? pvAdd(node, r, contact, IdList.NEVER) : leases.holdContact(node, r, contact);
    }

    private int[] pvAdd(int node, int[] r, int id, long expiryMicros) {
        if (leases != null) {
            leases.pvAdding(node, r, id, expiryMicros);
        }
        return store(node, NodeRecord.pvAdd(r, id));
    }

    private void pvRemoveAt(int node, int[] r, int at) {
        if (leases != null) {
            leases.pvRemoving(node, r, at);
        }
        NodeRecord.pvRemoveAt(r, at);
    }

    /** {@link #pvAdd} for the InView. */
    private void ivAdd(int node, int[] r, int id, long expiryMicros) {
        if (leases != null) {
            leases.ivAdding(node, r, id, expiryMicros);
        }
        store(node, NodeRecord.ivAdd(r, id));
    }

    private boolean ivRemove(int node, int[] r, int id) {
        if (leases != null) {
            leases.ivRemoving(node, r, id);
        }
        return NodeRecord.ivRemove(r, id);
    }

    // ------------------------------------------------------------------ dissemination

    private void onGossip(long nowMicros, int node, int[] r, int message, int hops) {
        if (heartbeats != null) {
            heartbeats.heard(nowMicros, node);
        }
        NodeRecord.seenExpire(r, nowMicros, config.duplicateMemoryAgeMicros());
        // The holder bit first: for a message below the newest remembered (one arriving out of
        // order) the record's answer is a scan of the whole memory.
        if ((!holders.surelyNotHeld(message, node) && NodeRecord.seenContains(r, message)) || isOwn(node, message)) {
            counters.duplicate();
            return;
        }
        r = remember(nowMicros, node, r, message);
        counters.delivered();
        env.deliver(node, message, hops);
        if (hops >= MAX_GOSSIP_HOPS || (config.gossipHopLimit() > 0 && hops >= config.gossipHopLimit())) {
            counters.dropped(DropReason.GOSSIP_HOP_LIMIT);
            return;
        }
        sendToPartialView(node, r, GOSSIP, message, hops + 1);
    }

    /** Whether {@code node} broadcast {@code message}: a duplicate there even once its memory forgot it. */
    private boolean isOwn(int node, int message) {
        return message >= 0 && message < messages && (int) (messageIds[message] >>> 32) == node;
    }

    /**
     * {@link DuplicateMemory#add} once the caller has forgotten what is too old at {@code nowMicros}:
     * forgets the oldest if the memory is full, then records {@code message}.
     */
    private int[] remember(long nowMicros, int node, int[] r, int message) {
        if (over.any()) {
            dropOverMessages(nowMicros, node, r);
        }
        int pushedOut = NodeRecord.seenPushedOut(r, config.duplicateMemoryCapacity());
        if (pushedOut != -1) {
            holders.forgotten(pushedOut, node);
        }
        holders.remembered(message, node);
        return store(node, NodeRecord.seenAdd(r, message, nowMicros, config.duplicateMemoryCapacity()));
    }

    /**
     * Drops the over messages from {@code node}'s memory, then checks that its memory without
     * dropping could not be full now ({@link #messageOver}).
     */
    private void dropOverMessages(long nowMicros, int node, int[] r) {
        NodeRecord.seenDrop(r, over.messages());
        int capacity = config.duplicateMemoryCapacity();
        if (r[NodeRecord.SEEN_SIZE] + over.notYetExpired() >= capacity) {
            int mayHold = over.mayStillBeRemembered(nowMicros);
            if (r[NodeRecord.SEEN_SIZE] + mayHold >= capacity) {
                throw new IllegalStateException("at " + nowMicros + " µs node " + node + " remembers "
                        + r[NodeRecord.SEEN_SIZE] + " and may have remembered " + mayHold + " more messages that"
                        + " it dropped once they were over: its duplicate memory of " + capacity + " could be full,"
                        + " and which message it pushes out would depend on the dropped ones");
            }
        }
    }

    /** {@code Dissemination.sendToPartialView}: a message of {@code type} to every member, in the view's order. */
    private void sendToPartialView(int node, int[] r, int type, int subject, int hops) {
        int n = r[NodeRecord.PV_SIZE];
        int start = NodeRecord.pvStart(r);
        for (int i = start; i < start + n; i++) {
            env.send(node, r[i], type, 0, subject, hops);
        }
        countWraps.add(node, r, NodeRecord.SENT, n);
        counters.sent(type, n);
    }

    // ------------------------------------------------------------------ timers

    private void scheduleWake(int node, int[] r) {
        long deadline = Math.min(channel.nextDeadline(node), tombstones.nextExpiry(node));
        if ((heartbeats != null || leases != null) && members.get(node)) {
            if (heartbeats != null) {
                deadline = Math.min(deadline, heartbeats.deadline(node));
            }
            if (leases != null) {
                deadline = Math.min(deadline, leases.deadline(node));
            }
        }
        if (deadline < NodeRecord.wake(r)) {
            NodeRecord.setWake(r, deadline);
            env.wakeAt(node, deadline);
        }
    }

    // ------------------------------------------------------------------ read-only views

    private int[] store(int node, int[] r) {
        return records.store(node, r);
    }

    /**
     * The node's record, null if it never joined; a negative id is the driver's bug (also for this
     * package's tests).
     */
    int[] recordOf(int node) {
        NodeIds.check(node);
        return records.orNull(node);
    }

    private int[] member(int node, String action) {
        int[] r = records.orNull(node);
        if (r == null || !members.get(node)) {
            throw new IllegalStateException("cannot " + action + ": node " + node + " is not a member");
        }
        return r;
    }

    /**
     * Whether {@code node} has joined (or bootstrapped).
     *
     * @param node any int
     * @return true if {@code node} joined or bootstrapped and has not left
     */
    public boolean isMember(int node) {
        int[] r = records.orNull(node);
        return r != null && members.get(node);
    }

    /**
     * Whether {@code node} has left the group ({@link #leave}).
     *
     * @param node any int
     * @return true once {@code node} left; false for a member or a node that never joined
     */
    public boolean hasLeft(int node) {
        int[] r = records.orNull(node);
        return r != null && departures.containsKey(node);
    }

    /**
     * Size of {@code node}'s PartialView (0 if it never joined).
     *
     * @param node any int; 0 for an id that is negative or beyond the arena
     * @return the number of entries, {@code >= 0}; 0 after the node left
     */
    public int partialViewSize(int node) {
        int[] r = records.orNull(node);
        return r == null ? 0 : r[NodeRecord.PV_SIZE];
    }

    /**
     * Size of {@code node}'s InView (0 if it never joined).
     *
     * @param node any int; 0 for an id that is negative or beyond the arena
     * @return the number of entries, {@code >= 0}; 0 after the node left
     */
    public int inViewSize(int node) {
        int[] r = records.orNull(node);
        return r == null ? 0 : r[NodeRecord.IV_SIZE];
    }

    /**
     * A copy of {@code node}'s PartialView in insertion order (empty if it never joined).
     *
     * @param node any int; an id that is negative or beyond the arena gives an empty array
     * @return a new array of node ids, never null
     */
    public int[] partialView(int node) {
        int[] r = records.orNull(node);
        if (r == null) {
            return new int[0];
        }
        int start = NodeRecord.pvStart(r);
        return Arrays.copyOfRange(r, start, start + r[NodeRecord.PV_SIZE]);
    }

    /**
     * A copy of {@code node}'s InView in insertion order (empty if it never joined).
     *
     * @param node any int; an id that is negative or beyond the arena gives an empty array
     * @return a new array of node ids, never null
     */
    public int[] inView(int node) {
        int[] r = records.orNull(node);
        if (r == null) {
            return new int[0];
        }
        int start = NodeRecord.ivStart(r);
        return Arrays.copyOfRange(r, start, start + r[NodeRecord.IV_SIZE]);
    }

    /**
     * Messages {@code node}'s duplicate memory holds (0 if it never joined), as of its last use: it
     * forgets by age, and drops over messages ({@link #messageOver}), when it next remembers one.
     *
     * @param node any int; 0 for an id that is negative or beyond the arena
     * @return the number of message ids held, {@code >= 0}
     */
    public int duplicateMemorySize(int node) {
        int[] r = records.orNull(node);
        return r == null ? 0 : r[NodeRecord.SEEN_SIZE];
    }

    /**
     * Messages {@code node} handed to the environment to send, retransmissions and acks included.
     *
     * @param node any int; 0 for an id that is negative or beyond the arena
     * @return the count since the node joined, {@code >= 0}
     */
    public long messagesSent(int node) {
        int[] r = records.orNull(node);
        return r == null ? 0 : countWraps.count(node, r, NodeRecord.SENT);
    }

    /**
     * Messages handed to {@code node} ({@link #onMessage} calls), whatever became of them.
     *
     * @param node any int; 0 for an id that is negative or beyond the arena
     * @return the count since the node joined, {@code >= 0}
     */
    public long messagesReceived(int node) {
        int[] r = records.orNull(node);
        return r == null ? 0 : countWraps.count(node, r, NodeRecord.RECEIVED) + (receivedLow[node] & 0xFF);
    }

    /**
     * Membership messages {@code node} sent and has not had acknowledged.
     *
     * @param node a node id, {@code >= 0} and within the arena's capacity (which grows with the largest
     *     id that joined); 0 for one that never joined
     * @return the count, {@code >= 0}
     */
    public int unacknowledgedCount(int node) {
        return channel.unacknowledgedCount(node);
    }

    /** The channel's way out: counts each send in the sender's record, then hands it on. */
    private final class CountingSender implements ArenaEnvironment {
        @Override
        public void send(int from, int to, int type, int seq, int subject, int hops) {
            env.send(from, to, type, seq, subject, hops);
            countWraps.add(from, records.get(from), NodeRecord.SENT, 1);
        }

        @Override
        public void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops, double budget,
                int leaseMillis, int renewalCopies) {
            env.sendSubscription(from, to, type, seq, subscriber, hops, budget, leaseMillis, renewalCopies);
            countWraps.add(from, records.get(from), NodeRecord.SENT, 1);
        }

        @Override
        public void deliver(int node, int message, int hops) {
            env.deliver(node, message, hops);
        }

        @Override
        public void wakeAt(int node, long deadlineMicros) {
            env.wakeAt(node, deadlineMicros);
        }
    }
}
