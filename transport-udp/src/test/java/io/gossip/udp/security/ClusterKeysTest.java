package io.gossip.udp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterKeysTest {
    private static final String KEY1_BASE64 = Base64.getEncoder().encodeToString(TestKeys.material(1));
    private static final String KEY2_HEX = HexFormat.of().formatHex(TestKeys.material(2));

    @TempDir
    Path dir;

    @Test
    void readsAKeyFileWithCommentsBlankLinesBase64AndHexFirstKeyPrimary() throws Exception {
        Path file = Files.writeString(dir.resolve("cluster.key"),
                "# rotated 2026-11\n\n  " + KEY1_BASE64 + "  \n# old key, open only\n" + KEY2_HEX.toUpperCase() + "\n",
                StandardCharsets.UTF_8);
        Keyring ring = ClusterKeys.fromFile(file);
        assertEquals(TestKeys.key(1), ring.primary());
        assertEquals(2, ring.keys().size());
        assertEquals(TestKeys.key(2), ring.find(TestKeys.key(2).id()));
    }

    @Test
    void warnsAboutAKeyFileOthersCanReadOrWriteButNotAboutAPrivateOne() throws Exception {
        Path file = Files.writeString(dir.resolve("perm.key"), KEY1_BASE64 + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertNull(ClusterKeys.permissionWarning(file));
        for (String shared : new String[] {"rw-r-----", "rw----r--", "rw--w----", "rw-----w-"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(shared));
            String warning = ClusterKeys.permissionWarning(file);
            assertTrue(warning != null && warning.contains("chmod 600"), shared + ": " + warning);
            assertFalse(warning.contains(KEY1_BASE64), "the warning never quotes the key");
        }
    }

    @Test
    void acceptsAKeyFileSavedWithAByteOrderMark() throws Exception {
        Path withKeyFirst = Files.writeString(dir.resolve("bom.key"), "\uFEFF" + KEY1_BASE64 + "\r\n",
                StandardCharsets.UTF_8);
        assertEquals(TestKeys.key(1), ClusterKeys.fromFile(withKeyFirst).primary());
        Path withCommentFirst = Files.writeString(dir.resolve("bom-comment.key"), "\uFEFF# cluster key\n" + KEY2_HEX
                + "\n", StandardCharsets.UTF_8);
        assertEquals(TestKeys.key(2), ClusterKeys.fromFile(withCommentFirst).primary());
        assertEquals(TestKeys.key(1), ClusterKeys.parse("\uFEFF" + KEY1_BASE64, "test").primary());
    }

    @Test
    void readsKeysSeparatedByCommasOrSpacesFromAnEnvironmentVariable() {
        Keyring ring = ClusterKeys.fromEnvironment("GOSSIP_CLUSTER_KEY",
                Map.of("GOSSIP_CLUSTER_KEY", KEY2_HEX + ", " + KEY1_BASE64));
        assertEquals(TestKeys.key(2), ring.primary());
        assertEquals(TestKeys.key(1), ring.keys().get(1));
    }

    @Test
    void refusesAKeyOfTheWrongLengthNamingWhereItIsButNotWhatItIs() throws Exception {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        Path file = Files.writeString(dir.resolve("short.key"), "# comment\n" + shortKey + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterKeys.fromFile(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("16 bytes") && e.getMessage().contains("exactly 32"), e.getMessage());
        assertFalse(e.getMessage().contains(shortKey), e.getMessage());
    }

    @Test
    void refusesTextThatIsNeitherBase64NorHexWithoutEchoingIt() {
        String secretish = "not*a*key*at*all";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterKeys.fromEnvironment("K", Map.of("K", secretish)));
        assertTrue(e.getMessage().contains("environment variable K key 1"), e.getMessage());
        assertTrue(e.getMessage().contains("neither standard base64 nor 64 hex digits"), e.getMessage());
        assertFalse(e.getMessage().contains(secretish), e.getMessage());
    }

    @Test
    void refusesAnUnsetVariableAnEmptyFileAndARawKeyOfTheWrongLength() throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterKeys.fromEnvironment("NOPE", Map.of()))
                .getMessage().contains("NOPE is not set"));
        Path empty = Files.writeString(dir.resolve("empty.key"), "# nothing yet\n\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterKeys.fromFile(empty))
                .getMessage().contains("holds no key"));
        assertThrows(IllegalArgumentException.class, () -> ClusterKey.of(new byte[31]));
    }

    @Test
    void aConfiguredKeyComesFromTheFileFirstThenTheEnvironmentElseThereIsNone() throws Exception {
        Path file = Files.writeString(dir.resolve("k"), KEY1_BASE64 + "\n");
        Map<String, String> environment = Map.of(ClusterKeys.DEFAULT_ENVIRONMENT_VARIABLE, KEY2_HEX);
        assertEquals(TestKeys.key(1), ClusterKeys.configured(file, environment).orElseThrow().primary());
        assertEquals(TestKeys.key(2), ClusterKeys.configured(null, environment).orElseThrow().primary());
        assertTrue(ClusterKeys.configured(null, Map.of()).isEmpty());
    }

    @Test
    void keyIdsAreDerivedFromTheKeyAndToStringHidesTheMaterial() {
        assertEquals(TestKeys.key(1).id(), ClusterKey.of(TestKeys.material(1)).id());
        assertTrue(TestKeys.key(1).id() != TestKeys.key(2).id());
        assertEquals("ClusterKey[id=" + TestKeys.key(1).idHex() + "]", TestKeys.key(1).toString());
    }
}
