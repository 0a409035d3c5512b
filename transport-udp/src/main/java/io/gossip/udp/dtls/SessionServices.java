package io.gossip.udp.dtls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;

/**
 * What an endpoint lends its sessions: the configuration, two scratch buffers shared by all of
 * them (sized once from the engine's own limits, so no session allocates per record), the way out
 * for records and plaintext, and the endpoint's counters. Sessions see this rather than the whole
 * endpoint, so they cannot reach the session table they live in. Confined to the endpoint's thread,
 * like the sessions; the scratch buffers are valid only until the next call that uses them.
 */
final class SessionServices {
    private final DtlsConfig config;
    private final DtlsEndpoint.Io io;
    private final long[] counters = new long[DtlsCounter.count()];
    private final ByteBuffer netScratch;
    private final ByteBuffer appScratch;

    /** Sizes the scratch buffers from a probe engine; {@code maxDatagramBytes} is already checked. */
    SessionServices(DtlsConfig config, DtlsEndpoint.Io io, int maxDatagramBytes) {
        this.config = config;
        this.io = io;
        SSLEngine probe = config.newEngine(true);
        this.netScratch = ByteBuffer.allocate(Math.max(probe.getSession().getPacketBufferSize(),
                2 * DtlsConfig.UNFRAGMENTED_PACKET_BYTES));
        this.appScratch = ByteBuffer.allocate(Math.max(probe.getSession().getApplicationBufferSize(),
                maxDatagramBytes));
    }

    DtlsConfig config() {
        return config;
    }

    ByteBuffer netScratch() {
        return netScratch;
    }

    ByteBuffer appScratch() {
        return appScratch;
    }

    void transmit(InetSocketAddress to, ByteBuffer datagram) {
        io.transmit(to, datagram);
    }

    void deliver(InetSocketAddress from, ByteBuffer plaintext) {
        io.deliver(from, plaintext);
    }

    void count(DtlsCounter counter) {
        counters[counter.ordinal()]++;
    }

    void count(DtlsCounter counter, long n) {
        counters[counter.ordinal()] += n;
    }

    /** The live counter array, indexed by {@link DtlsCounter#ordinal()} (a snapshot copies it). */
    long[] counters() {
        return counters;
    }
}
