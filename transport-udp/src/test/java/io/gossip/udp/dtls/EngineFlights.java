package io.gossip.udp.dtls;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;

/**
 * A bare JDK {@link SSLEngine} driven by hand, as the hostile-peer tests drive one: a stranger's
 * hello, a flight to mutate or replay, each as the bytes of one datagram.
 */
final class EngineFlights {
    private EngineFlights() {
    }

    /** Everything {@code engine} wants to send now, in one buffer of up to {@code capacity} bytes. */
    static byte[] wrapFlight(SSLEngine engine, int capacity) throws Exception {
        ByteBuffer out = ByteBuffer.allocate(capacity);
        runTasks(engine);
        while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            engine.wrap(ByteBuffer.allocate(0), out);
            runTasks(engine);
        }
        out.flip();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }

    /** {@link #wrapFlight(SSLEngine, int)} into one unfragmented datagram. */
    static byte[] wrapFlight(SSLEngine engine) throws Exception {
        return wrapFlight(engine, DtlsConfig.UNFRAGMENTED_PACKET_BYTES);
    }

    /** Runs the engine's delegated tasks (certificate checks, key agreement) on this thread. */
    static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
