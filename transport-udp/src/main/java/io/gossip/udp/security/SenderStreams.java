package io.gossip.udp.security;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The sending side of replay protection: one stream per destination address, with a random 64-bit
 * id and a sequence number counting from 1. A stream per destination (rather than one counter per
 * node) keeps each receiver's sequence numbers dense, so its anti-replay window is spent on real
 * reordering, not on datagrams sent to others. The id is random, so a restarted node or a receiver
 * reachable under two addresses never sees two streams collide. Bounded: when full, every stream is
 * forgotten and new ids are drawn (receivers take them as new streams). Not thread-safe.
 */
final class SenderStreams {
    private static final class Stream {
        final long id;
        final byte[] destination;
        long nextSeq = 1;

        Stream(long id, byte[] destination) {
            this.id = id;
            this.destination = destination;
        }
    }

    private final SecureRandom random;
    private final int capacity;
    private final Map<InetSocketAddress, Stream> streams = new HashMap<>();
    private Stream current;

    private final Function<InetSocketAddress, byte[]> encoder;

    SenderStreams(SecureRandom random, int capacity, Function<InetSocketAddress, byte[]> encoder) {
        this.random = random;
        this.capacity = capacity;
        this.encoder = encoder;
    }

    /** Selects the stream to {@code to} (creating it if needed); read its id and take a seq next. */
    void select(InetSocketAddress to) {
        Stream stream = streams.get(to);
        if (stream == null) {
            if (streams.size() >= capacity) {
                streams.clear();
            }
            stream = new Stream(random.nextLong(), encoder.apply(to));
            streams.put(to, stream);
        }
        current = stream;
    }

    /** The selected stream's id. */
    long streamId() {
        return current.id;
    }

    /** The selected stream's destination, encoded once for the associated data. */
    byte[] destinationBytes() {
        return current.destination;
    }

    /** The selected stream's next sequence number, consumed. */
    long takeSeq() {
        return current.nextSeq++;
    }
}
