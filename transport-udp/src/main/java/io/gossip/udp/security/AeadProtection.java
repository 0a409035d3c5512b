package io.gossip.udp.security;

import io.gossip.udp.TransportDropReason;
import io.gossip.udp.wire.WireFormat;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals every datagram with AES-256-GCM from the JDK ({@code javax.crypto}) under the primary key
 * of a {@link Keyring}, and opens datagrams sealed under any installed key. The layout is in
 * {@link SealedFormat}; the nonce is 96 random bits from a {@link SecureRandom} of its own (never
 * from the protocol's seeded generators), drawn 256 nonces at a time to spread the generator's
 * per-call cost. Authenticated as associated data besides the header: the
 * destination's advertised address (so a datagram captured on its way to one node cannot be
 * replayed to another) and the optional cluster label (so datagrams of a cluster with another
 * label never open).
 * Opened datagrams pass a {@link ReplayGuard} before they reach the codec.
 *
 * <p>The key id in the header selects the key: opening costs one GCM operation, whatever the
 * number of installed keys, and a datagram under a removed or foreign key is counted as
 * {@link TransportDropReason#UNKNOWN_KEY} without any decryption. Confined to the node's event-loop
 * thread, except {@link #keyring()} which any thread may read.
 */
public final class AeadProtection implements DatagramProtection {
    /** Default tolerated difference between a sender's clock and the receiver's. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(30);
    /** Streams (sender, destination pairs) the replay memory holds. */
    public static final int REPLAY_MEMORY_STREAMS = 4_096;
    /** Destinations whose outgoing stream state a node keeps before starting afresh. */
    static final int SENDER_STREAMS = 65_536;
    private static final int TAG_BITS = SealedFormat.TAG_BYTES * 8;
    /** Nonces drawn from the SecureRandom at once: one call per 256 datagrams costs far less than one each. */
    private static final int NONCES_PER_DRAW = 256;

    private final Cipher sealCipher;
    private final Cipher openCipher;
    private final SecureRandom random;
    private final LongSupplier wallClockMillis;
    private final byte[] label;
    private final byte[] selfBytes;
    private final int maxDatagramBytes;
    private final SenderStreams streams;
    private final ReplayGuard replay;
    private final byte[] header = new byte[SealedFormat.HEADER_BYTES];
    private final byte[] noncePool = new byte[SealedFormat.NONCE_BYTES * NONCES_PER_DRAW];
    private int noncePoolUsed = noncePool.length;
    private final byte[] opened;
    private volatile Keyring keyring;

    /**
     * A protection for datagrams of at most {@code maxDatagramBytes} on the wire.
     *
     * @param keyring the keys: the primary seals, every installed one opens; not null
     * @param clusterLabel bound into every datagram as associated data; null or empty for none
     * @param maxClockSkew how far a datagram's sending time (the sender's wall clock) may be from this
     *     node's before it is dropped as stale; also how long the replay memory remembers; at least 1 ms
     * @param maxDatagramBytes the largest sealed datagram, in bytes, in
     *     [128 + {@link SealedFormat#OVERHEAD_BYTES}, 65,507]
     * @param self this node's advertised socket address: only datagrams sealed for it open here
     * @return a new protection with its own {@link SecureRandom}, for one node
     * @throws IllegalArgumentException if the label is longer than {@link SealedFormat#MAX_LABEL_BYTES}
     *     in UTF-8, the skew is not positive, or the datagram limit leaves no room for a message
     */
    public static AeadProtection create(Keyring keyring, String clusterLabel, Duration maxClockSkew,
            int maxDatagramBytes, InetSocketAddress self) {
        return new AeadProtection(keyring, clusterLabel, maxClockSkew.toMillis(), maxDatagramBytes, self,
                newSecureRandom(), System::currentTimeMillis);
    }

    AeadProtection(Keyring keyring, String clusterLabel, long maxSkewMillis, int maxDatagramBytes,
            InetSocketAddress self, SecureRandom random, LongSupplier wallClockMillis) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.label = labelBytes(clusterLabel);
        this.selfBytes = addressBytes(self);
        if (maxDatagramBytes < WireFormat.MIN_MAX_DATAGRAM_BYTES + SealedFormat.OVERHEAD_BYTES
                || maxDatagramBytes > WireFormat.MAX_MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("sealed datagrams need maxDatagramBytes in ["
                    + (WireFormat.MIN_MAX_DATAGRAM_BYTES + SealedFormat.OVERHEAD_BYTES) + ", "
                    + WireFormat.MAX_MAX_DATAGRAM_BYTES + "] (the " + SealedFormat.OVERHEAD_BYTES
                    + "-byte seal plus the smallest wire limit), got " + maxDatagramBytes);
        }
        this.maxDatagramBytes = maxDatagramBytes;
        this.random = random;
        this.wallClockMillis = wallClockMillis;
        this.streams = new SenderStreams(random, SENDER_STREAMS, AeadProtection::addressBytes);
        this.replay = new ReplayGuard(maxSkewMillis, REPLAY_MEMORY_STREAMS, wallClockMillis.getAsLong());
        this.opened = new byte[maxDatagramBytes];
        try {
            sealCipher = Cipher.getInstance("AES/GCM/NoPadding");
            openCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is required of every Java platform", e);
        }
    }

    /**
     * The keyring in force now.
     *
     * @return the keyring last installed, never null; safe to read from any thread
     */
    public Keyring keyring() {
        return keyring;
    }

    /**
     * Replaces the keyring; takes effect with the next datagram. Event-loop thread only.
     *
     * @param next the new keyring, not null
     * @throws NullPointerException if {@code next} is null
     */
    public void replaceKeyring(Keyring next) {
        keyring = Objects.requireNonNull(next, "keyring");
    }

    @Override
    public int overheadBytes() {
        return SealedFormat.OVERHEAD_BYTES;
    }

    @Override
    public boolean isSealing() {
        return true;
    }

    @Override
    public ByteBuffer seal(ByteBuffer plaintext, InetSocketAddress to) throws ProtectionException {
        ClusterKey key = keyring.primary();
        byte[] out = new byte[SealedFormat.HEADER_BYTES + plaintext.remaining() + SealedFormat.TAG_BYTES];
        ByteBuffer head = ByteBuffer.wrap(out, 0, SealedFormat.HEADER_BYTES);
        head.put(SealedFormat.VERSION).putInt(key.id());
        if (noncePoolUsed == noncePool.length) {
            random.nextBytes(noncePool);
            noncePoolUsed = 0;
        }
        head.put(noncePool, noncePoolUsed, SealedFormat.NONCE_BYTES);
        noncePoolUsed += SealedFormat.NONCE_BYTES;
        streams.select(to);
        head.putLong(streams.streamId()).putLong(streams.takeSeq()).putLong(wallClockMillis.getAsLong());
        try {
            sealCipher.init(Cipher.ENCRYPT_MODE, key.secret(),
                    new GCMParameterSpec(TAG_BITS, out, SealedFormat.NONCE_OFFSET, SealedFormat.NONCE_BYTES));
            sealCipher.updateAAD(out, 0, SealedFormat.HEADER_BYTES);
            sealCipher.updateAAD(streams.destinationBytes());
            sealCipher.updateAAD(label);
            sealCipher.doFinal(plaintext,
                    ByteBuffer.wrap(out, SealedFormat.HEADER_BYTES, out.length - SealedFormat.HEADER_BYTES));
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new ProtectionException(TransportDropReason.SEAL_FAILED, e.getClass().getSimpleName());
        }
        return ByteBuffer.wrap(out);
    }

    @Override
    public ByteBuffer open(ByteBuffer datagram, InetSocketAddress from) throws ProtectionException {
        int length = datagram.remaining();
        int start = datagram.position();
        if (length == 0 || datagram.get(start) != SealedFormat.VERSION) {
            if (length > 0 && datagram.get(start) == WireFormat.MAGIC) {
                throw new ProtectionException(TransportDropReason.NOT_SEALED, "plaintext datagram");
            }
            throw new ProtectionException(TransportDropReason.SEAL_MALFORMED, "not sealed format version 1");
        }
        if (length < SealedFormat.OVERHEAD_BYTES || length > maxDatagramBytes) {
            throw new ProtectionException(TransportDropReason.SEAL_MALFORMED, "length outside the sealed limits");
        }
        datagram.get(start, header, 0, SealedFormat.HEADER_BYTES);
        ByteBuffer head = ByteBuffer.wrap(header);
        int keyId = head.getInt(SealedFormat.KEY_ID_OFFSET);
        ClusterKey key = keyring.find(keyId);
        if (key == null) {
            throw new ProtectionException(TransportDropReason.UNKNOWN_KEY, "key id not installed");
        }
        int plainLength;
        try {
            openCipher.init(Cipher.DECRYPT_MODE, key.secret(),
                    new GCMParameterSpec(TAG_BITS, header, SealedFormat.NONCE_OFFSET, SealedFormat.NONCE_BYTES));
            openCipher.updateAAD(header);
            openCipher.updateAAD(selfBytes);
            openCipher.updateAAD(label);
            ByteBuffer body = datagram.duplicate().position(start + SealedFormat.HEADER_BYTES);
            plainLength = openCipher.doFinal(body, ByteBuffer.wrap(opened));
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new ProtectionException(TransportDropReason.AUTHENTICATION_FAILED, "tag did not verify");
        }
        TransportDropReason refused = replay.accept(head.getLong(SealedFormat.STREAM_OFFSET),
                head.getLong(SealedFormat.SEQ_OFFSET), head.getLong(SealedFormat.SENT_MILLIS_OFFSET),
                wallClockMillis.getAsLong());
        if (refused != null) {
            throw new ProtectionException(refused, "timestamp or stream sequence number refused");
        }
        return ByteBuffer.wrap(opened, 0, plainLength);
    }

    /** An address as associated data: the raw IP bytes (4 or 16) followed by the port, big-endian. */
    static byte[] addressBytes(InetSocketAddress address) {
        byte[] ip = address.getAddress().getAddress();
        return ByteBuffer.allocate(ip.length + 2).put(ip).putShort((short) address.getPort()).array();
    }

    /**
     * The cluster label as UTF-8 bytes, checked.
     *
     * @param clusterLabel the label, or null for none
     * @return its UTF-8 bytes, a new array; empty for null
     * @throws IllegalArgumentException if longer than {@link SealedFormat#MAX_LABEL_BYTES}
     */
    public static byte[] labelBytes(String clusterLabel) {
        if (clusterLabel == null) {
            return new byte[0];
        }
        byte[] bytes = clusterLabel.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > SealedFormat.MAX_LABEL_BYTES) {
            throw new IllegalArgumentException("cluster label is " + bytes.length + " UTF-8 bytes; at most "
                    + SealedFormat.MAX_LABEL_BYTES + " allowed");
        }
        return bytes;
    }

    /** A DRBG instance of its own (no lock shared with other nodes), else the platform default. */
    static SecureRandom newSecureRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
