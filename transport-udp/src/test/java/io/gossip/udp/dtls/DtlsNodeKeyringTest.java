package io.gossip.udp.dtls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.GossipNode;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shared-key keyring calls on a DTLS node say that it runs DTLS, not that it is plaintext. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DtlsNodeKeyringTest {
    @TempDir
    Path dir;

    @Test
    void keyringCallsOnADtlsNodeSayItRunsDtlsNotPlaintext() throws Exception {
        TestPki ca = TestPki.create(dir, "keyring-ca");
        try (GossipNode node = GossipNode.builder()
                .bindEphemeral(InetAddress.getLoopbackAddress())
                .protocol(ProtocolConfig.defaults())
                .seed(1)
                .dtls(ca.nodeKeyStore("n0"), TestPki.PASSWORD, ca.trustStore())
                .start()) {
            IllegalStateException keyring = assertThrows(IllegalStateException.class, node::keyring);
            assertTrue(keyring.getMessage().contains("runs DTLS"), keyring.getMessage());
            assertFalse(keyring.getMessage().contains("plaintext"), keyring.getMessage());
            IllegalStateException rotate = assertThrows(IllegalStateException.class, () -> node.makePrimary(1));
            assertTrue(rotate.getMessage().contains("runs DTLS"), rotate.getMessage());
        }
    }

    @Test
    void keyringOnAPlaintextNodeStillSaysPlaintext() throws Exception {
        try (GossipNode node = GossipNode.builder()
                .bindEphemeral(InetAddress.getLoopbackAddress())
                .protocol(ProtocolConfig.defaults())
                .seed(2)
                .insecure()
                .start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, node::keyring);
            assertTrue(e.getMessage().contains("plaintext"), e.getMessage());
        }
    }
}
