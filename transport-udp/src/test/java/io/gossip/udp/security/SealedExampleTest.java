package io.gossip.udp.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The sealed example printed in WIRE.md is what the code produces, and opens at its destination. */
class SealedExampleTest {
    private static final long SENT_MILLIS = 1_795_651_200_000L; // 2026-11-26T00:00:00Z
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.1", 9000);
    private static final InetSocketAddress DESTINATION = new InetSocketAddress("127.0.0.1", 9001);
    /** WIRE.md's plaintext example: a Heartbeat from 127.0.0.1:9000. */
    private static final String HEARTBEAT = "470108047f0000012328";
    /** Also produced, byte for byte, by Python's {@code cryptography} AESGCM from the WIRE.md description. */
    private static final String SEALED = "01 8f 86 d9 04 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 "
            + "00 00 00 00 00 00 00 01 00 00 01 a2 15 26 e4 00 c7 61 9c bb c7 00 2f af 4b 57 35 bb 7d 58 57 c3 cc b7 "
            + "e9 b9 79 6e 65 81 35 35";

    /** A "random" source that returns 0x11 bytes, so the example's nonce and stream id are fixed. */
    private static final class Elevens extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0x11);
        }
    }

    private static Keyring exampleKey() {
        byte[] key = new byte[ClusterKey.KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return Keyring.of(ClusterKey.of(key));
    }

    @Test
    void theDocumentedSealedHeartbeatIsExactlyWhatTheCodeProducesAndItOpens() throws Exception {
        AeadProtection sender = new AeadProtection(exampleKey(), null, 30_000, 1_400, SENDER, new Elevens(),
                () -> SENT_MILLIS);
        ByteBuffer sealed = sender.seal(ByteBuffer.wrap(HexFormat.of().parseHex(HEARTBEAT)), DESTINATION);
        byte[] bytes = new byte[sealed.remaining()];
        sealed.get(bytes);
        assertEquals(SEALED, HexFormat.ofDelimiter(" ").formatHex(bytes));
        AeadProtection receiver = new AeadProtection(exampleKey(), null, 30_000, 1_400, DESTINATION, new Elevens(),
                () -> SENT_MILLIS);
        ByteBuffer opened = receiver.open(ByteBuffer.wrap(bytes), SENDER);
        byte[] inner = new byte[opened.remaining()];
        opened.get(inner);
        assertArrayEquals(HexFormat.of().parseHex(HEARTBEAT), inner);
    }
}
