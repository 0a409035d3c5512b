package io.gossip.sim.engine;

import io.gossip.protocol.ArenaEnvironment;
import io.gossip.protocol.Environment;
import io.gossip.protocol.ScampNode;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Walk;
import io.gossip.sim.network.Network;
import io.gossip.sim.network.NetworkDropReason;
import java.util.Arrays;

/**
 * What a run's nodes see of the simulation: the {@link Environment} of its {@link ScampNode}s (and
 * of the global baseline's sends) and the {@link ArenaEnvironment} of its arena. This is the
 * outbound side of the event loop: a send is counted, given a latency and queued as an arrival (a
 * message that would arrive after the end of the run is dropped as {@code AFTER_END}); a wakeup
 * request is queued as a wakeup; a delivery records the first receipt of a broadcast. Nothing calls
 * back into a node from here, so a zero latency is safe.
 *
 * <p>It also keeps the run's virtual clock ({@link #now}, advanced by {@link Simulation}'s loop)
 * and which broadcast each arena message belongs to, because its sends and deliveries need both on
 * every call. Kept apart from the loop so that each side reads as one thing; the calls here run
 * about once per event, so they stay small and touch only this object's own final fields.
 */
final class NodeEnvironment implements Environment, ArenaEnvironment {
    /** Event kinds on the {@link EventQueue}. */
    static final int MESSAGE = 0;
    static final int WAKE = 1;
    static final int STEP = 2;
    /** A message of the arena: (seq, subject) in the event's word, (type, hops) in its tag. */
    static final int PACKED = 3;
    static final int GOSSIP = MessageType.GOSSIP.ordinal();
    private static final int ACK = MessageType.ACK.ordinal();
    /**
     * A wakeup's tag, which only reading ahead reads: its top byte, where a packed message has its
     * type, is {@value #WAKE_HINT}, no message type's ordinal.
     */
    static final int WAKE_HINT = 0xFF;
    static final int WAKE_TAG = WAKE_HINT << 24;

    private final long endMicros;
    private final EventQueue queue;
    /** Where wakeups one retransmission timeout ahead go instead of {@link #queue}; null for none. */
    private WakeupLane lane;
    private final NodeTable table;
    private final Network network;
    private final BroadcastTracker tracker;
    private final long[] sentByType;
    private final long[] networkDrops;
    /** The broadcast index of each arena message. */
    private int[] broadcastOfMessage = new int[16];
    /** The broadcast an object node is opening, to bind its first gossip to; -1 outside one. */
    private int openingBroadcast = -1;
    private long now;
    /**
     * How long a receiver remembers the acknowledged membership messages it handled
     * ({@link io.gossip.protocol.ProtocolConfig#retransmitHorizonMicros}): a copy that travels
     * longer may be handled twice.
     */
    private final long handledHorizonMicros;
    private long lateMembershipCopies;
    /** Told of the run's first late membership copy; null for nobody. */
    private LateCopyListener lateListener;

    /** Told of a run's first copy of an acknowledged membership message that travelled past the horizon. */
    interface LateCopyListener {
        void late(long nowMicros, int type, long latencyMicros);
    }

    /**
     * @param handledHorizonMicros how long a receiver remembers the acknowledged membership messages
     *     it handled
     * @param sentByType where sends are counted, by message type ordinal (the run's result)
     * @param networkDrops where drops are counted, by drop reason ordinal (shared with
     *     {@link Arrivals})
     */
    NodeEnvironment(long endMicros, long handledHorizonMicros, EventQueue queue, NodeTable table, Network network,
            BroadcastTracker tracker, long[] sentByType, long[] networkDrops) {
        this.endMicros = endMicros;
        this.handledHorizonMicros = handledHorizonMicros;
        this.queue = queue;
        this.table = table;
        this.network = network;
        this.tracker = tracker;
        this.sentByType = sentByType;
        this.networkDrops = networkDrops;
    }

    /**
     * Sends the wakeups asked exactly {@code delayMicros} ahead to {@code lane} instead of the queue
     * when the lane can take them (see {@link WakeupLane}); null puts every event in the queue.
     */
    void useLane(WakeupLane lane) {
        this.lane = lane;
    }

    /** Queues a timeline step at {@code atMicros} (at the earliest now). */
    void scheduleStep(long atMicros, Step step) {
        long at = Math.max(now, atMicros);
        queue.push(at, STEP, -1, -1, step);
        if (lane != null) {
            lane.otherQueued(now, at);
        }
    }

    /** Tells {@code listener} of the run's first late membership copy ({@link #lateMembershipCopies}). */
    void onLateCopy(LateCopyListener listener) {
        this.lateListener = listener;
    }

    /**
     * Copies of acknowledged membership messages so far that travel longer than a receiver remembers
     * handling one, so that it may handle them twice (a latency tail beyond the retransmission horizon).
     */
    long lateMembershipCopies() {
        return lateMembershipCopies;
    }

    /**
     * Counts the copy of an acknowledged membership message of {@code type} that arrives at {@code at}
     * (negative: after the run's end, not counted) if it travels past the horizon.
     */
    private void checkLate(int type, long at) {
        if (at - now > handledHorizonMicros && at >= 0) {
            if (lateMembershipCopies++ == 0 && lateListener != null) {
                lateListener.late(now, type, at - now);
            }
        }
    }

    /** The run's virtual time, in microseconds. */
    long now() {
        return now;
    }

    /** Moves the virtual clock to the event being handled (never backwards: the queue is ordered). */
    void advanceTo(long nowMicros) {
        now = nowMicros;
    }

    /** Records that arena message {@code message} (the next index the arena gives) carries broadcast {@code b}. */
    void bindArenaMessage(int message, int b) {
        if (message == broadcastOfMessage.length) {
            broadcastOfMessage = Arrays.copyOf(broadcastOfMessage, message * 2);
        }
        broadcastOfMessage[message] = b;
    }

    /** The broadcast index of arena message {@code message}. */
    int broadcastOf(int message) {
        return broadcastOfMessage[message];
    }

    /**
     * While an object node opens broadcast {@code b} (or -1 once it has), the gossip it sends
     * without a known broadcast is bound to {@code b}.
     */
    void openingBroadcast(int b) {
        openingBroadcast = b;
    }

    // ------------------------------------------------------------------ Environment

    @Override
    public void send(int from, int to, Message message) {
        table.countSent(from);
        sentByType[message.type().ordinal()]++;
        long at = arrivalMicros(from, to);
        if (message instanceof MembershipMessage m && m.wantsAck()) {
            checkLate(message.type().ordinal(), at);
        }
        if (message instanceof Gossip gossip) {
            int b = tracker.indexOf(gossip.messageId());
            if (b < 0 && openingBroadcast >= 0) {
                b = openingBroadcast;
                tracker.bind(gossip.messageId(), b);
            }
            if (b >= 0) {
                tracker.countTransmission(b, at);
            }
        }
        queueObject(at, from, to, message);
    }

    /** Queues the arrival at {@code at} of a message object, unless it is negative (after the end of the run). */
    private void queueObject(long at, int from, int to, Message message) {
        if (at >= 0) {
            queue.push(at, MESSAGE, from, to, message);
            if (lane != null) {
                lane.messageQueued(at);
            }
        }
    }

    /** When a message sent now reaches {@code to}; -1 if after the end of the run (the drop counted). */
    private long arrivalMicros(int from, int to) {
        long at = now + network.latencyMicros(from, to);
        if (at > endMicros) {
            networkDrops[NetworkDropReason.AFTER_END.ordinal()]++;
            return -1;
        }
        return at;
    }

    @Override
    public void deliver(int node, Gossip message) {
        int b = tracker.indexOf(message.messageId());
        if (b >= 0) {
            tracker.delivered(b, node, now, message.hops());
        }
    }

    // ------------------------------------------------------------------ ArenaEnvironment

    @Override
    public void send(int from, int to, int type, int seq, int subject, int hops) {
        sentByType[type]++; // the arena counts each node's messages in its own record
        long at = arrivalMicros(from, to);
        if (type == GOSSIP) {
            tracker.countTransmission(broadcastOfMessage[subject], at);
        } else if (seq != 0 && type != ACK) {
            checkLate(type, at);
        }
        if (at >= 0) {
            queue.push(at, PACKED, from, to, ((long) seq << 32) | (subject & 0xFFFF_FFFFL), (type << 24) | hops);
            if (lane != null) {
                lane.messageQueued(at);
            }
        }
    }

    /**
     * A walk step of the arena, and with leases any of its subscription messages, travels as the
     * object an object node sends ({@link Walk}, {@link Subscribe}, {@link ForwardedSubscription}):
     * a budget or a lease has no room in the packed form. Walk steps are a few per join; with leases
     * forwarded subscriptions are most of the membership traffic (every renewal's copies travel
     * about (c+1)·ln n hops), and an object each is part of what a lease run costs.
     */
    @Override
    public void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops, double budget,
            int leaseMillis, int renewalCopies) {
        sentByType[type]++;
        Message message;
        if (type == MessageType.WALK.ordinal()) {
            message = new Walk(seq, subscriber, budget, hops, leaseMillis, renewalCopies);
        } else if (type == MessageType.SUBSCRIBE.ordinal()) {
            message = new Subscribe(seq, leaseMillis, renewalCopies);
        } else {
            message = new ForwardedSubscription(seq, subscriber, hops, leaseMillis);
        }
        long at = arrivalMicros(from, to);
        if (seq != 0) {
            checkLate(type, at);
        }
        queueObject(at, from, to, message);
    }

    @Override
    public void deliver(int node, int message, int hops) {
        tracker.delivered(broadcastOfMessage[message], node, now, hops);
    }

    @Override
    public void wakeAt(int node, long deadlineMicros) {
        if (deadlineMicros <= endMicros) {
            long at = Math.max(now, deadlineMicros);
            if (lane == null || !lane.offer(now, at, node)) {
                queue.push(at, WAKE, node, node, 0L, WAKE_TAG);
                if (lane != null) {
                    lane.otherQueued(now, at);
                }
            }
        }
    }
}
