package io.gossip.udp.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 cluster key and its 32-bit key id.
 *
 * <p>The id is derived from the key itself (the first four bytes of SHA-256 over a fixed label and
 * the key), so every node that holds the same key computes the same id without any configuration,
 * and a sealed datagram can name the key that opens it. Revealing four bytes of a hash of a random
 * 256-bit key reveals nothing usable about the key. {@link #toString()} shows the id only, never
 * the key material.
 */
public final class ClusterKey {
    /** Length of a cluster key: AES-256. */
    public static final int KEY_BYTES = 32;
    private static final byte[] ID_LABEL = "gossip cluster key id v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey secret;
    private final int id;

    private ClusterKey(byte[] material) {
        this.secret = new SecretKeySpec(material, "AES");
        this.id = deriveId(material);
    }

    /**
     * A key from its 32 raw bytes (copied).
     *
     * @param material the raw key, not null; the caller may wipe its array afterwards
     * @return a new key with its derived id
     * @throws NullPointerException if {@code material} is null
     * @throws IllegalArgumentException if {@code material} is not exactly 32 bytes long
     */
    public static ClusterKey of(byte[] material) {
        Objects.requireNonNull(material, "material");
        if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException("a cluster key must be exactly " + KEY_BYTES
                    + " bytes (AES-256), got " + material.length + " bytes");
        }
        byte[] copy = material.clone();
        try {
            return new ClusterKey(copy);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    /**
     * The key id carried in every datagram this key seals.
     *
     * @return the first four bytes of the key's labelled SHA-256, big-endian; any int
     */
    public int id() {
        return id;
    }

    /**
     * The key id as eight hex digits, as printed in logs and documentation.
     *
     * @return {@link #hex}{@code (id())}, for example {@code "0a1b2c3d"}
     */
    public String idHex() {
        return hex(id);
    }

    /** The JDK key object, for {@code javax.crypto.Cipher}. */
    SecretKey secret() {
        return secret;
    }

    /**
     * A key id as eight lower-case hex digits.
     *
     * @param keyId any key id
     * @return its 32 bits as exactly eight digits, zero-padded
     */
    public static String hex(int keyId) {
        String digits = Integer.toHexString(keyId);
        return "00000000".substring(digits.length()) + digits;
    }

    private static int deriveId(byte[] material) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ID_LABEL);
            byte[] digest = sha.digest(material);
            return ((digest[0] & 0xFF) << 24) | ((digest[1] & 0xFF) << 16) | ((digest[2] & 0xFF) << 8)
                    | (digest[3] & 0xFF);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Keys are equal when their material is. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterKey that && id == that.id
                && MessageDigest.isEqual(secret.getEncoded(), that.secret.getEncoded());
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return "ClusterKey[id=" + idHex() + "]";
    }
}
