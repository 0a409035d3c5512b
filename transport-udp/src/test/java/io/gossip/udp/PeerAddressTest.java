package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerAddressTest {
    @Test
    void parsesAndFormatsIpv4() {
        PeerAddress a = PeerAddress.parse("192.168.1.20:7000");
        assertEquals(7000, a.port());
        assertFalse(a.isIpv6());
        assertEquals("192.168.1.20:7000", a.toString());
        assertEquals(a, PeerAddress.parse(a.toString()));
    }

    @Test
    void parsesAndFormatsIpv6InBrackets() {
        PeerAddress a = PeerAddress.parse("[::1]:65535");
        assertTrue(a.isIpv6());
        assertEquals(65535, a.port());
        assertEquals(a, PeerAddress.parse(a.toString()));
        assertEquals(PeerAddress.parse("[2001:db8::7]:1"), PeerAddress.parse("[2001:DB8:0:0:0:0:0:7]:1"));
    }

    @Test
    void formatsIpv6InTheCanonicalShortForm() {
        assertEquals("[::1]:80", PeerAddress.parse("[0:0:0:0:0:0:0:1]:80").toString());
        assertEquals("[::]:80", PeerAddress.parse("[0:0:0:0:0:0:0:0]:80").toString());
        assertEquals("[2001:db8::1]:80", PeerAddress.parse("[2001:DB8:0:0:0:0:0:1]:80").toString());
        assertEquals("[2001:db8:0:1:1:1:1:1]:80", PeerAddress.parse("[2001:db8:0:1:1:1:1:1]:80").toString());
        assertEquals("[2001:0:0:1::1]:80", PeerAddress.parse("[2001:0:0:1:0:0:0:1]:80").toString());
        assertEquals("[fe80::1:0:0:0]:80", PeerAddress.parse("[fe80:0:0:0:1:0:0:0]:80").toString());
        assertEquals("[1::]:80", PeerAddress.parse("[1:0:0:0:0:0:0:0]:80").toString());
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            byte[] raw = new byte[16];
            for (int b = 0; b < 16; b++) {
                raw[b] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 0);
            }
            raw[0] = (byte) 0x20;
            PeerAddress a = PeerAddress.ofBytes(raw, 1 + random.nextInt(65_535));
            assertEquals(a, PeerAddress.parse(a.toString()), a.toString());
            assertTrue(a.toString().length() <= PeerAddress.MAX_TEXT_LENGTH);
        }
    }

    @Test
    void valueSemantics() throws Exception {
        assertEquals(PeerAddress.parse("10.0.0.1:80"), PeerAddress.of(InetAddress.getByName("10.0.0.1"), 80));
        assertEquals(PeerAddress.parse("10.0.0.1:80").hashCode(),
                PeerAddress.ofBytes(new byte[] {10, 0, 0, 1}, 80).hashCode());
        assertFalse(PeerAddress.parse("10.0.0.1:80").equals(PeerAddress.parse("10.0.0.1:81")));
    }

    @Test
    void wildcardIsRepresentableButMarked() {
        assertTrue(PeerAddress.parse("0.0.0.0:7000").isWildcard());
        assertTrue(PeerAddress.parse("[::]:7000").isWildcard());
        assertFalse(PeerAddress.parse("127.0.0.1:7000").isWildcard());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.0.0.1", "127.0.0.1:", ":80", "127.0.0.1:0", "127.0.0.1:65536",
            "127.0.0.1:-1", "127.0.0.1:80x", "256.0.0.1:80", "1.2.3:80", "1.2.3.4.5:80", "localhost:80",
            "::1:80", "[::1]", "[::1:80", "[zz::1]:80", "[fe80::1%eth0]:80", "[]:80", "224.0.0.1:80",
            "[ff02::1]:80", "1.2.3.4:123456", "01234.1.1.1:80"})
    void rejectsMalformedText(String text) {
        assertThrows(IllegalArgumentException.class, () -> PeerAddress.parse(text));
    }

    @Test
    void rejectsOverlongTextWithoutEchoingAllOfIt() {
        String longText = "1".repeat(10_000) + ":80";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeerAddress.parse(longText));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void rejectsBadPortsAndAddressLengths() {
        assertThrows(IllegalArgumentException.class, () -> PeerAddress.ofBytes(new byte[] {1, 2, 3, 4}, 0));
        assertThrows(IllegalArgumentException.class, () -> PeerAddress.ofBytes(new byte[5], 80));
        assertThrows(NullPointerException.class, () -> PeerAddress.of(null, 80));
    }

    /** As Linux sockets behave: an IPv6 socket sends to IPv4 only as a dual-stack wildcard. */
    @Test
    void aSocketSendsToItsOwnFamilyAndTheIpv6WildcardToBoth() {
        PeerAddress v4 = PeerAddress.parse("127.0.0.1:7000");
        PeerAddress v6 = PeerAddress.parse("[::1]:7000");
        assertTrue(PeerAddress.parse("127.0.0.1:1").canSendTo(v4));
        assertTrue(PeerAddress.parse("0.0.0.0:1").canSendTo(v4));
        assertFalse(PeerAddress.parse("127.0.0.1:1").canSendTo(v6));
        assertFalse(PeerAddress.parse("0.0.0.0:1").canSendTo(v6));
        assertTrue(PeerAddress.parse("[::1]:1").canSendTo(v6));
        assertFalse(PeerAddress.parse("[::1]:1").canSendTo(v4));
        assertTrue(PeerAddress.parse("[::]:1").canSendTo(v4));
        assertTrue(PeerAddress.parse("[::]:1").canSendTo(v6));
    }
}
