package io.gossip.protocol;

import io.gossip.protocol.message.MessageType;
import java.util.Arrays;
import java.util.BitSet;

/**
 * {@link Leases} for the nodes of a {@link ScampArena}: each node's lease renewal time, whether its
 * join arc expires with the current lease, and an expiry per view entry, with the rules that read
 * them (expiring arcs, renewing the lease, starting one). Created only when the configuration has
 * leases: a run without them pays nothing.
 *
 * <p>A node's expiries are a {@code long[]} of their own, laid out as its record lays out the ids
 * ({@code [PartialView expiries | InView expiries]}, in the views' order), because an entry costs
 * eight bytes here and the record is ints. The arena tells this class of every change to a view
 * just before it makes it in the record ({@code pvAdding}, {@code pvRemoving}, {@code ivAdding},
 * {@code ivRemoving}, {@code left}), so the two stay index for index what a {@link PartialView}
 * and {@link InView} with expiries are; adding an id already held keeps the later of the two
 * expiries, as {@link IdList#add} does. Statement for statement {@link Leases}'s rules, so the
 * random draws, sends and counts come in the same order as a {@link ScampNode}'s.
 *
 * <p>Beside each node's renewal time lies the earliest expiry of its entries, kept exact as entries
 * come and go (scanned again only when the entry holding it changes), so that the deadline a node
 * asks to be woken at, computed after every message it handles, reads two adjacent longs instead
 * of all its expiries (that scan was 8 % of a lease run's profile).
 */
final class ArenaLeases {
    private static final int UNLINK = MessageType.UNLINK.ordinal();
    private static final long[] NONE = new long[0];

    private final ProtocolConfig config;
    private final Counters counters;
    private final NodeRecords records;
    private final ArenaChannel channel;
    private final ArenaRouting routing;
    /**
     * Per node, two longs: at {@code 2 * node} its {@code ScampNode.leaseRenewalMicros}
     * ({@code Long.MAX_VALUE} before its first lease), at {@code 2 * node + 1} the earliest expiry
     * of its view entries ({@code Long.MAX_VALUE} if none).
     */
    private long[] times;
    /** {@code ScampNode.joinArcExpiring}. */
    private final BitSet joinArcExpiring = new BitSet();
    /** Each node's view entries' expiries (see the class documentation); null while it has none. */
    private long[][] expiries;

    private ArenaLeases(ProtocolConfig config, Counters counters, NodeRecords records, ArenaChannel channel,
            ArenaRouting routing) {
        this.config = config;
        this.counters = counters;
        this.records = records;
        this.channel = channel;
        this.routing = routing;
        this.times = new long[2 * records.capacity()];
        Arrays.fill(times, Long.MAX_VALUE);
        this.expiries = new long[records.capacity()][];
    }

    /** The leases of an arena's nodes, or null when {@code config} has none. */
    static ArenaLeases of(ProtocolConfig config, Counters counters, NodeRecords records, ArenaChannel channel,
            ArenaRouting routing) {
        return config.leaseDurationMillis() == 0 ? null
                : new ArenaLeases(config, counters, records, channel, routing);
    }

    void grow(int capacity) {
        int old = times.length;
        times = Arrays.copyOf(times, 2 * capacity);
        Arrays.fill(times, old, 2 * capacity, Long.MAX_VALUE);
        expiries = Arrays.copyOf(expiries, capacity);
    }

    // ------------------------------------------------------------------ the lease period

    /**
     * {@link Leases#startLease}: starts the node's next lease period and returns its length in ms;
     * the first one is drawn from (L/2, L] with the node's generator in record {@code r}.
     */
    int startLease(long nowMicros, int node, int[] r) {
        long lease = config.leaseDurationMillis();
        if (times[2 * node] == Long.MAX_VALUE) {
            lease = lease / 2 + 1 + RandomStreams.nextLong(r, NodeRecord.RANDOM, lease - lease / 2);
        }
        times[2 * node] = nowMicros + lease * 1000 - 1;
        return (int) lease;
    }

    /**
     * The node left: its views are empty, so its expiries go. (Its renewal time stays: a node that
     * left is no member, and nothing reads a non-member's lease.)
     */
    void left(int node) {
        expiries[node] = null;
        times[2 * node + 1] = Long.MAX_VALUE;
    }

    /**
     * The expiry of the InView entry a Keep creates: the keeper holds us until our current lease
     * (the one it kept) ends, or for ever before our first lease.
     */
    long keptInViewExpiry(int node) {
        long renewal = times[2 * node];
        return renewal == Long.MAX_VALUE ? IdList.NEVER : inViewExpiry(renewal);
    }

    /**
     * {@link Leases#inViewExpiry}: an InView entry mirroring an arc that expires at
     * {@code arcExpiryMicros} (0: none).
     */
    long inViewExpiry(long arcExpiryMicros) {
        return arcExpiryMicros == 0 ? IdList.NEVER : arcExpiryMicros + config.retransmitHorizonMicros();
    }

    /** Reads the node's renewal and earliest expiry ({@link ScampArena#prefetch}); a hint. */
    int prefetch(int node) {
        return (int) times[2 * node];
    }

    /** The node's next lease deadline: its renewal or the earliest expiry of any view entry. */
    long deadline(int node) {
        return Math.min(times[2 * node], times[2 * node + 1]);
    }

    // ----------------------------------------------------------------- view changes, told before the record makes them

    /** The PartialView is about to add {@code id} (or keep it, if held) with {@code expiryMicros}. */
    void pvAdding(int node, int[] r, int id, long expiryMicros) {
        int at = NodeRecord.pvIndexOf(r, id);
        int used = r[NodeRecord.PV_SIZE] + r[NodeRecord.IV_SIZE];
        if (at >= 0) {
            extend(node, at, used, expiryMicros);
        } else {
            insert(node, r[NodeRecord.PV_SIZE], used, expiryMicros);
        }
    }

    /** The InView is about to add {@code id} (or keep it, if held) with {@code expiryMicros}. */
    void ivAdding(int node, int[] r, int id, long expiryMicros) {
        int at = ivIndexOf(r, id);
        int end = r[NodeRecord.PV_SIZE] + r[NodeRecord.IV_SIZE];
        if (at >= 0) {
            extend(node, r[NodeRecord.PV_SIZE] + at, end, expiryMicros);
        } else {
            insert(node, end, end, expiryMicros);
        }
    }

    /** The PartialView is about to remove its entry at {@code at}. */
    void pvRemoving(int node, int[] r, int at) {
        remove(node, at, r[NodeRecord.PV_SIZE] + r[NodeRecord.IV_SIZE]);
    }

    /** The InView is about to remove {@code id}, if it holds it. */
    void ivRemoving(int node, int[] r, int id) {
        int at = ivIndexOf(r, id);
        if (at >= 0) {
            remove(node, r[NodeRecord.PV_SIZE] + at, r[NodeRecord.PV_SIZE] + r[NodeRecord.IV_SIZE]);
        }
    }

    /** Expiry of the PartialView entry at {@code at}. */
    long pvExpiry(int node, int at) {
        return expiries[node][at];
    }

    private static int ivIndexOf(int[] r, int id) {
        int start = NodeRecord.ivStart(r);
        for (int i = start, end = start + r[NodeRecord.IV_SIZE]; i < end; i++) {
            if (r[i] == id) {
                return i - start;
            }
        }
        return -1;
    }

    private void extend(int node, int at, int used, long expiryMicros) {
        long[] e = expiries[node];
        long old = e[at];
        if (old < expiryMicros) {
            e[at] = expiryMicros;
            if (old == times[2 * node + 1]) {
                times[2 * node + 1] = earliest(e, used);
            }
        }
    }

    private void insert(int node, int at, int used, long expiryMicros) {
        long[] e = expiries[node] == null ? NONE : expiries[node];
        if (used == e.length) {
            e = Arrays.copyOf(e, Math.max(4, used + (used >> 1) + 1));
            expiries[node] = e;
        }
        System.arraycopy(e, at, e, at + 1, used - at);
        e[at] = expiryMicros;
        times[2 * node + 1] = Math.min(times[2 * node + 1], expiryMicros);
    }

    private void remove(int node, int at, int used) {
        long[] e = expiries[node];
        long removed = e[at];
        System.arraycopy(e, at + 1, e, at, used - at - 1);
        if (removed == times[2 * node + 1]) {
            times[2 * node + 1] = earliest(e, used - 1);
        }
    }

    private static long earliest(long[] e, int used) {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < used; i++) {
            earliest = Math.min(earliest, e[i]);
        }
        return earliest;
    }

    // ------------------------------------------------------------------ the rules

    /**
     * {@link Leases#expireLeases}: forgets expired InView entries, then drops expired PartialView
     * arcs, telling their targets.
     */
    void expire(long nowMicros, int node) {
        if (times[2 * node + 1] > nowMicros) {
            return; // nothing due (nor any entry at all): the expiries are not read
        }
        long[] e = expiries[node];
        int[] r = records.get(node);
        int pv = r[NodeRecord.PV_SIZE];
        for (int i = r[NodeRecord.IV_SIZE] - 1; i >= 0; i--) {
            if (e[pv + i] <= nowMicros) {
                int id = r[NodeRecord.ivStart(r) + i];
                remove(node, pv + i, pv + r[NodeRecord.IV_SIZE]);
                NodeRecord.ivRemove(r, id); // its holder never said Unlink: presumed failed
            }
        }
        for (int i = pv - 1; i >= 0; i--) {
            if (e[i] <= nowMicros) {
                int expired = NodeRecord.pvGet(r, i);
                pvRemoving(node, r, i);
                NodeRecord.pvRemoveAt(r, i);
                counters.leaseExpiry();
                channel.send(nowMicros, node, expired, UNLINK, routing.claimSeq(r), 0, 0);
            }
        }
    }

    /** {@link Leases#renewLease}, if the node's renewal is due. */
    void renewIfDue(long nowMicros, int node) {
        if (nowMicros < times[2 * node]) {
            return;
        }
        int[] r = records.get(node);
        int pv = r[NodeRecord.PV_SIZE];
        int contact = pv == 0 ? r[NodeRecord.BOOTSTRAP_CONTACT] : NodeRecord.pvRandom(r);
        int own = arcsOfCurrentSubscription(node, r) + (joinArcExpiring.get(node) ? 1 : 0);
        int copies = Leases.renewalCopies(own, pv, config.c());
        joinArcExpiring.clear(node);
        if (contact == NodeIds.NONE) {
            startLease(nowMicros, node, r); // alone in the group: nobody holds us, nothing to renew
            return;
        }
        counters.leaseRenewal();
        int leaseMillis = startLease(nowMicros, node, r);
        if (pv == 0) {
            r = holdContact(node, r, contact);
        }
        routing.subscribe(nowMicros, node, r, contact, leaseMillis, copies);
    }

    /**
     * Leases.subscribe: a node whose PartialView is empty re-subscribes through its bootstrap
     * {@code contact} and holds it, as a join does, the arc expiring with the lease just started.
     * Returns the node's record.
     */
    int[] holdContact(int node, int[] r, int contact) {
        pvAdding(node, r, contact, times[2 * node]);
        joinArcExpiring.set(node);
        return records.store(node, NodeRecord.pvAdd(r, contact));
    }

    /** InView entries stamped by a Keep for the subscription of the current lease. */
    private int arcsOfCurrentSubscription(int node, int[] r) {
        long[] e = expiries[node];
        if (e == null) {
            return 0;
        }
        long stamp = inViewExpiry(times[2 * node]);
        int count = 0;
        int pv = r[NodeRecord.PV_SIZE];
        for (int i = pv, end = pv + r[NodeRecord.IV_SIZE]; i < end; i++) {
            if (e[i] == stamp) {
                count++;
            }
        }
        return count;
    }
}
