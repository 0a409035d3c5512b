package io.gossip.udp.dtls;

import java.nio.ByteBuffer;

/**
 * The records of one handshake flight, gathered so the flight leaves as one datagram (a DTLS
 * datagram may carry several records) and is therefore delivered whole or lost whole. The JDK 17
 * engine mishandles partial flights under loss (a Finished processed while the NewSessionTicket
 * sent before it was lost; overlapping fragments of two sizes), which whole flights avoid. It
 * also keeps a server's final flight, to be resent verbatim while the client still retransmits.
 */
final class FlightBuffer {
    private ByteBuffer records;
    private byte[] finalFlight;

    /** Adds the records between {@code produced}'s position and limit. */
    void append(ByteBuffer produced) {
        if (records == null) {
            records = ByteBuffer.allocate(Math.max(4_096, produced.remaining()));
        } else if (records.remaining() < produced.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(2 * (records.position() + produced.remaining()));
            records.flip();
            records = bigger.put(records);
        }
        records.put(produced);
    }

    /** The gathered records as one datagram, or null if there are none; the buffer is emptied. */
    ByteBuffer take(boolean keepAsFinal) {
        if (records == null || records.position() == 0) {
            return null;
        }
        records.flip();
        byte[] datagram = new byte[records.remaining()];
        records.get(datagram);
        records = null;
        if (keepAsFinal) {
            finalFlight = datagram.clone();
        }
        return ByteBuffer.wrap(datagram);
    }

    boolean hasFinalFlight() {
        return finalFlight != null;
    }

    /** A copy of the kept final flight, or null. */
    ByteBuffer finalFlight() {
        return finalFlight == null ? null : ByteBuffer.wrap(finalFlight.clone());
    }

    /** Forgets the final flight: the peer has shown it received it. */
    void confirmFinal() {
        finalFlight = null;
    }
}
