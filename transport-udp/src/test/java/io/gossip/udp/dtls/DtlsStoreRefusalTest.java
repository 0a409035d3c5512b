package io.gossip.udp.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.udp.GossipNode;
import io.gossip.udp.GossipNodeBuilder;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores a node cannot use are refused when they are handed to the builder, as docs/dtls.md says:
 * before any socket is bound, with the reason.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DtlsStoreRefusalTest {
    @TempDir
    static Path dir;
    private static KeyStore nodeStore;
    private static KeyStore trust;

    @BeforeAll
    static void pki() throws Exception {
        TestPki ca = TestPki.create(dir, "refusal-ca");
        nodeStore = ca.nodeKeyStore("n0");
        trust = ca.trustStore();
    }

    @Test
    void aWrongKeyPasswordIsRefusedByTheBuilder() {
        GossipNodeBuilder builder = GossipNode.builder().bindEphemeral(InetAddress.getLoopbackAddress());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.dtls(nodeStore, "not-the-password".toCharArray(), trust));
        assertTrue(e.getMessage().startsWith("cannot use the DTLS key or trust store: "), e.getMessage());
    }

    @Test
    void aKeyStoreWithoutAPrivateKeyOrATrustStoreWithoutAnAuthorityIsRefused() {
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> DtlsConfig.of(trust, TestPki.PASSWORD, trust));
        assertEquals("the DTLS key store holds no private key entry", noKey.getMessage());
        IllegalArgumentException noAuthority = assertThrows(IllegalArgumentException.class,
                () -> DtlsConfig.of(nodeStore, TestPki.PASSWORD, emptyStore()));
        assertEquals("the DTLS trust store holds no certificate authority", noAuthority.getMessage());
    }

    @Test
    void theRightPasswordIsAccepted() throws Exception {
        try (GossipNode node = GossipNode.builder().bindEphemeral(InetAddress.getLoopbackAddress())
                .dtls(nodeStore, TestPki.PASSWORD, trust).start()) {
            assertTrue(node.isSealing());
        }
    }

    private static KeyStore emptyStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
