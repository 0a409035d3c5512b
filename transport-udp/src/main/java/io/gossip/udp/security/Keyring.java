package io.gossip.udp.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The keys of one node: a primary key that seals every outgoing datagram, and every installed key
 * (the primary included) may open incoming ones. Immutable: each change returns a new keyring, so
 * a keyring can be shared between nodes and threads, and a node swaps its whole keyring at once on
 * its event loop.
 *
 * <p>Rotation without loss: install the new key on every node (all nodes can now open it), make it
 * primary on every node (each now seals with it; datagrams in flight under the old key still
 * open), then remove the old key everywhere.
 */
public final class Keyring {
    /** Most keys a keyring holds; rotation needs two. */
    public static final int MAX_KEYS = 8;

    private final ClusterKey primary;
    private final List<ClusterKey> keys;

    private Keyring(ClusterKey primary, List<ClusterKey> keys) {
        this.primary = primary;
        this.keys = Collections.unmodifiableList(keys);
    }

    /**
     * A keyring sealing with {@code primary} and also opening with {@code others}.
     *
     * @param primary the key that seals, not null
     * @param others further keys that open, none null; a repeat of an installed key is ignored
     * @return a new keyring holding the primary first, then the others in order
     * @throws IllegalArgumentException if two different keys share a key id, or there are more than
     *     {@link #MAX_KEYS} keys
     */
    public static Keyring of(ClusterKey primary, ClusterKey... others) {
        Keyring ring = new Keyring(Objects.requireNonNull(primary, "primary"), List.of(primary));
        for (ClusterKey key : others) {
            ring = ring.withInstalled(key);
        }
        return ring;
    }

    /**
     * The key that seals.
     *
     * @return the primary key, never null
     */
    public ClusterKey primary() {
        return primary;
    }

    /**
     * Every installed key, primary first.
     *
     * @return an unmodifiable list of 1 to {@link #MAX_KEYS} keys
     */
    public List<ClusterKey> keys() {
        return keys;
    }

    /**
     * The installed key with id {@code keyId}, or null.
     *
     * @param keyId a key id, as carried in a sealed datagram
     * @return the key, or null if none installed has that id
     */
    public ClusterKey find(int keyId) {
        for (ClusterKey key : keys) {
            if (key.id() == keyId) {
                return key;
            }
        }
        return null;
    }

    /**
     * This keyring plus {@code key}, which may then open datagrams. Installing a key already
     * installed changes nothing.
     *
     * @param key the key to add, not null
     * @return a new keyring with the key added last, or this keyring if it already holds the key
     * @throws IllegalArgumentException if a different key with the same id is installed, or the
     *     keyring is full
     */
    public Keyring withInstalled(ClusterKey key) {
        Objects.requireNonNull(key, "key");
        ClusterKey existing = find(key.id());
        if (existing != null) {
            if (existing.equals(key)) {
                return this;
            }
            throw new IllegalArgumentException("a different key with id " + key.idHex() + " is already installed");
        }
        if (keys.size() >= MAX_KEYS) {
            throw new IllegalArgumentException("a keyring holds at most " + MAX_KEYS + " keys; remove one first");
        }
        List<ClusterKey> next = new ArrayList<>(keys);
        next.add(key);
        return new Keyring(primary, next);
    }

    /**
     * This keyring sealing with the installed key {@code keyId}.
     *
     * @param keyId the id of an installed key
     * @return a new keyring with that key first and primary, the others in their order
     * @throws IllegalArgumentException if no installed key has that id
     */
    public Keyring withPrimary(int keyId) {
        ClusterKey key = find(keyId);
        if (key == null) {
            throw new IllegalArgumentException("no installed key has id " + ClusterKey.hex(keyId)
                    + "; install it first");
        }
        List<ClusterKey> next = new ArrayList<>(keys.size());
        next.add(key);
        for (ClusterKey other : keys) {
            if (other != key) {
                next.add(other);
            }
        }
        return new Keyring(key, next);
    }

    /**
     * This keyring without the key {@code keyId}; datagrams sealed with it no longer open.
     *
     * @param keyId the id of an installed key other than the primary
     * @return a new keyring without that key
     * @throws IllegalArgumentException if that key is the primary (make another key primary first)
     *     or is not installed
     */
    public Keyring without(int keyId) {
        if (primary.id() == keyId) {
            throw new IllegalArgumentException("key " + ClusterKey.hex(keyId)
                    + " is the primary key; make another key primary before removing it");
        }
        if (find(keyId) == null) {
            throw new IllegalArgumentException("no installed key has id " + ClusterKey.hex(keyId));
        }
        List<ClusterKey> next = new ArrayList<>(keys);
        next.removeIf(key -> key.id() == keyId);
        return new Keyring(primary, next);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Keyring[primary=").append(primary.idHex()).append(", keys=");
        for (int i = 0; i < keys.size(); i++) {
            text.append(i == 0 ? "" : ",").append(keys.get(i).idHex());
        }
        return text.append(']').toString();
    }
}
