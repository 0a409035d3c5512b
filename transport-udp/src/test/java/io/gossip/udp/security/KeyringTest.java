package io.gossip.udp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyringTest {
    private final ClusterKey k1 = TestKeys.key(1);
    private final ClusterKey k2 = TestKeys.key(2);

    @Test
    void rotationStepsInstallThenMakePrimaryThenRemoveTheOldKey() {
        Keyring ring = Keyring.of(k1);
        Keyring installed = ring.withInstalled(k2);
        assertEquals(k1, installed.primary());
        assertEquals(List.of(k1, k2), installed.keys());
        Keyring switched = installed.withPrimary(k2.id());
        assertEquals(k2, switched.primary());
        assertEquals(k1, switched.find(k1.id()));
        Keyring done = switched.without(k1.id());
        assertEquals(List.of(k2), done.keys());
        assertNull(done.find(k1.id()));
        assertEquals(List.of(k1), ring.keys(), "keyrings are immutable");
    }

    @Test
    void refusesToRemoveThePrimaryKeyOrAnUnknownKeyAndToPromoteAnUninstalledOne() {
        Keyring ring = Keyring.of(k1, k2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ring.without(k1.id())).getMessage()
                .contains("primary"));
        assertThrows(IllegalArgumentException.class, () -> ring.without(TestKeys.key(3).id()));
        assertThrows(IllegalArgumentException.class, () -> ring.withPrimary(TestKeys.key(3).id()));
    }

    @Test
    void installingTheSameKeyAgainChangesNothingAndTheRingIsBounded() {
        Keyring ring = Keyring.of(k1);
        assertSame(ring, ring.withInstalled(TestKeys.key(1)));
        Keyring full = ring;
        for (int i = 2; i <= Keyring.MAX_KEYS; i++) {
            full = full.withInstalled(TestKeys.key(i));
        }
        Keyring finalFull = full;
        assertThrows(IllegalArgumentException.class, () -> finalFull.withInstalled(TestKeys.key(100)));
    }
}
