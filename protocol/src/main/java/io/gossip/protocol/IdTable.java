package io.gossip.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Interns external node identities (for example socket addresses) as compact core ids, and
 * releases the ids nothing refers to any more so that they can be given again.
 *
 * <p>A fresh table gives id 0 to the first identity interned, 1 to the next, and so on. An identity
 * keeps its id until a {@link #retainOnly sweep} finds the id unreferenced; the caller says which
 * ids are referenced (the nodes' own account, {@link ScampNode#forEachReferencedId}, and whatever
 * else the caller holds). A released id goes through quarantine before it is given again:
 * <ol>
 *   <li>the sweep that finds it unreferenced takes its identity away at once: {@link #identity}
 *       throws for it and {@link #hasIdentity} is false, so a reference the caller forgot to
 *       report fails loudly when used instead of reaching another node, and the identity, if
 *       interned again, gets another id;</li>
 *   <li>the next sweep makes it free to give again if it is still unreferenced. If it is
 *       referenced then, a reference was missed: it stays in quarantine and the sweep counts it
 *       (its return value).</li>
 * </ol>
 * {@link #intern} gives the lowest free id before growing the table, and a sweep drops free ids at
 * the top, so ids stay within a little more than the number of identities held.
 *
 * <p>{@link #intern}, {@link #find}, {@link #identity} and {@link #hasIdentity} take constant
 * time; a sweep takes time linear in the largest id. Not thread-safe: a table belongs to one event
 * loop, like the nodes using it.
 *
 * @param <T> the external identity; must have value semantics ({@code equals}/{@code hashCode})
 */
public final class IdTable<T> {
    private final Map<T, Integer> ids = new HashMap<>();
    /** Indexed by id: the identity, or null for an id in quarantine or free. */
    private final List<T> identities = new ArrayList<>();
    /** Ids released by the last sweep (or found referenced while without an identity). */
    private BitSet quarantined = new BitSet();
    /** Ids free to give again, the lowest last (taken first). */
    private int[] free = new int[0];
    private int freeCount;
    private long released;

    /**
     * The id of {@code identity}, assigning one if it has none: the lowest free id, else a new one.
     *
     * @param identity the external identity, not null
     * @return its id, {@code >= 0}; in a table that never swept, the number of identities
     *     interned before it if it is new
     * @throws NullPointerException if {@code identity} is null
     */
    public int intern(T identity) {
        Objects.requireNonNull(identity, "identity");
        Integer id = ids.get(identity);
        if (id != null) {
            return id;
        }
        int fresh;
        if (freeCount > 0) {
            fresh = free[--freeCount];
            identities.set(fresh, identity);
        } else {
            while (quarantined.get(identities.size())) { // a missed reference above the bound: skip it
                identities.add(null);
            }
            fresh = identities.size();
            identities.add(identity);
        }
        ids.put(identity, fresh);
        return fresh;
    }

    /**
     * The id of {@code identity}, or {@link NodeIds#NONE} if it has none (never interned, or its
     * id was released).
     *
     * @param identity the external identity, not null
     * @return its id, or {@link NodeIds#NONE}; never assigns one
     * @throws NullPointerException if {@code identity} is null
     */
    public int find(T identity) {
        Integer id = ids.get(Objects.requireNonNull(identity, "identity"));
        return id == null ? NodeIds.NONE : id;
    }

    /**
     * The identity behind {@code id}.
     *
     * @param id an id this table assigned and has not released
     * @return the identity interned under it
     * @throws IllegalArgumentException if no identity has that id: never assigned, or released by a
     *     sweep (in quarantine, or free to give again)
     */
    public T identity(int id) {
        T identity = id < 0 || id >= identities.size() ? null : identities.get(id);
        if (identity == null) {
            throw new IllegalArgumentException(id < identities.size() && id >= 0
                    ? "node id " + id + " was released: nothing referred to it at a sweep"
                    : "unknown node id " + id);
        }
        return identity;
    }

    /**
     * Whether {@code id} stands for an identity now: what {@link #identity} needs.
     *
     * @param id any int
     * @return true if the table assigned {@code id} and has not released it
     */
    public boolean hasIdentity(int id) {
        return id >= 0 && id < identities.size() && identities.get(id) != null;
    }

    /**
     * How many identities the table holds now: interned, their ids not released.
     *
     * @return the count, {@code >= 0}
     */
    public int size() {
        return ids.size();
    }

    /**
     * One more than the largest id in use: every id with an identity, in quarantine or free to give
     * again is below it, except an id a sweep was told is referenced although the table never gave
     * it (a caller's bug, kept in quarantine). A sweep drops the free ids at the top, so the bound
     * follows what the table holds.
     *
     * @return the bound, {@code >= size()}
     */
    public int idBound() {
        return identities.size();
    }

    /**
     * Ids released by sweeps since the table was created.
     *
     * @return the count, {@code >= 0}; an id released, given again and released again counts twice
     */
    public long releasedCount() {
        return released;
    }

    /**
     * Sweeps the table: releases every id with an identity that {@code referenced} does not hold,
     * and frees the ids released by the previous sweep that it does not hold either (see the class
     * comment). Ids of {@code referenced} without an identity (released earlier, or never assigned)
     * are counted and kept in quarantine, never given out while a sweep still finds them referenced.
     *
     * @param referenced every id still referenced by anyone, not null; read, not changed
     * @return how many ids {@code referenced} holds that have no identity: references missed at an
     *     earlier sweep, which is a bug of the caller; 0 normally
     * @throws NullPointerException if {@code referenced} is null
     */
    public int retainOnly(BitSet referenced) {
        BitSet nextQuarantine = new BitSet();
        int missed = 0;
        for (int id = referenced.nextSetBit(0); id >= 0; id = referenced.nextSetBit(id + 1)) {
            if (!hasIdentity(id)) {
                missed++;
                nextQuarantine.set(id);
            }
        }
        for (int id = 0; id < identities.size(); id++) {
            T identity = identities.get(id);
            if (identity != null && !referenced.get(id)) {
                ids.remove(identity);
                identities.set(id, null);
                nextQuarantine.set(id);
                released++;
            }
        }
        quarantined = nextQuarantine;
        int bound = identities.size();
        while (bound > 0 && identities.get(bound - 1) == null && !quarantined.get(bound - 1)) {
            bound--;
        }
        identities.subList(bound, identities.size()).clear();
        rebuildFreeList(bound);
        return missed;
    }

    /** The ids below {@code bound} with no identity and not in quarantine, the lowest taken first. */
    private void rebuildFreeList(int bound) {
        freeCount = 0;
        for (int id = bound - 1; id >= 0; id--) {
            if (identities.get(id) == null && !quarantined.get(id)) {
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, Math.max(16, free.length * 2));
                }
                free[freeCount++] = id;
            }
        }
    }
}
