package io.gossip.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Interns external node identities (for example socket addresses) as compact core ids.
 *
 * <p>The first identity interned gets id 0, the next 1, and so on; an identity keeps its id for the
 * table's lifetime. Not thread-safe: a table belongs to one event loop, like the nodes using it.
 *
 * @param <T> the external identity; must have value semantics ({@code equals}/{@code hashCode})
 */
public final class IdTable<T> {
    private final Map<T, Integer> ids = new HashMap<>();
    private final List<T> identities = new ArrayList<>();

    /**
     * The id of {@code identity}, assigning a new one if it has none yet.
     *
     * @param identity the external identity, not null
     * @return its id: the table's {@link #size()} before the call if the identity is new
     * @throws NullPointerException if {@code identity} is null
     */
    public int intern(T identity) {
        Objects.requireNonNull(identity, "identity");
        Integer id = ids.get(identity);
        if (id != null) {
            return id;
        }
        int fresh = identities.size();
        identities.add(identity);
        ids.put(identity, fresh);
        return fresh;
    }

    /**
     * The id of {@code identity}, or {@link NodeIds#NONE} if it was never interned.
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
     * @param id an id this table assigned, in [0, {@link #size()})
     * @return the identity interned under it
     * @throws IllegalArgumentException if no identity has that id
     */
    public T identity(int id) {
        if (id < 0 || id >= identities.size()) {
            throw new IllegalArgumentException("unknown node id " + id);
        }
        return identities.get(id);
    }

    /**
     * How many identities have been interned.
     *
     * @return the count, which is also the next id to be assigned
     */
    public int size() {
        return identities.size();
    }
}
