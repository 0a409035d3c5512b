package io.gossip.udp.security;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * What stands between a node's wire codec and its socket: every outgoing datagram is sealed here
 * after encoding, every incoming one opened here before decoding. The transport calls it in exactly
 * one place each way ({@code NodeRuntime.sealOutbound} and {@code NodeRuntime.openInbound}), on the
 * node's event-loop thread only, so an implementation needs no locking.
 *
 * <p>Implementations: {@link #plaintext()} (no protection), {@link AeadProtection} (AES-256-GCM
 * with a shared {@link Keyring}). A datagram that cannot be opened never reaches the codec: the
 * implementation throws a {@link ProtectionException} whose reason the node counts.
 */
public interface DatagramProtection {
    /**
     * Bytes a sealed datagram has beyond its plaintext. The node shrinks its codec's datagram limit
     * by this much, so sealed datagrams still respect {@code maxDatagramBytes}.
     *
     * @return the overhead in bytes, {@code >= 0}; 0 for {@link #plaintext()}
     */
    int overheadBytes();

    /**
     * Seals one encoded datagram for {@code to}.
     *
     * @param plaintext the encoded datagram between position and limit; may be reused by the caller
     *     once this returns
     * @param to the peer the datagram goes to (its socket address)
     * @return a new buffer owned by the caller, positioned at 0, limited to the sealed length; or
     *     null if the protection holds the datagram back itself (not counted as a drop; for modes
     *     that must finish a handshake first)
     * @throws ProtectionException if it cannot be sealed (the datagram is dropped and counted)
     */
    ByteBuffer seal(ByteBuffer plaintext, InetSocketAddress to) throws ProtectionException;

    /**
     * Opens one datagram received from {@code from} (the UDP source address, not authenticated).
     *
     * @param datagram the received bytes between position and limit
     * @param from the socket address the datagram came from, as the socket reports it
     * @return the plaintext datagram, valid until the next call of this method; or null if the
     *     datagram was for the protection itself (e.g. a handshake record), with nothing for the codec
     * @throws ProtectionException if it does not open (forged, tampered, unknown key, replayed...)
     */
    ByteBuffer open(ByteBuffer datagram, InetSocketAddress from) throws ProtectionException;

    /**
     * Whether datagrams are sealed (false only for {@link #plaintext()}).
     *
     * @return true for AES-GCM and DTLS protection
     */
    boolean isSealing();

    /**
     * No protection: datagrams go out as encoded and come in as received.
     *
     * @return the single, stateless plaintext instance
     */
    static DatagramProtection plaintext() {
        return Plaintext.INSTANCE;
    }

    /** The identity protection, for nodes configured {@code insecure()} or without a keyring. */
    final class Plaintext implements DatagramProtection {
        private static final Plaintext INSTANCE = new Plaintext();

        private Plaintext() {
        }

        @Override
        public int overheadBytes() {
            return 0;
        }

        @Override
        public ByteBuffer seal(ByteBuffer plaintext, InetSocketAddress to) {
            return ByteBuffer.allocate(plaintext.remaining()).put(plaintext).flip();
        }

        @Override
        public ByteBuffer open(ByteBuffer datagram, InetSocketAddress from) {
            return datagram;
        }

        @Override
        public boolean isSealing() {
            return false;
        }
    }
}
