package io.gossip.udp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The identity of a live node: an IPv4 or IPv6 address and a UDP port in 1–65535.
 *
 * <p>A validated value: never null parts, never port 0, never a multicast address, never an IPv6
 * scope. The textual form is {@code "a.b.c.d:port"} or {@code "[v6]:port"}, at most
 * {@link #MAX_TEXT_LENGTH} characters; {@link #parse} accepts only numeric literals, so parsing
 * never performs a DNS lookup. The wildcard address ({@code 0.0.0.0}, {@code ::}) is representable,
 * because a node may bind to it, but it is never a valid peer on the wire.
 *
 * <p>The transport maps these addresses to the core's compact int ids with an
 * {@link io.gossip.protocol.IdTable}, one per event loop.
 */
public final class PeerAddress {
    /** Longest accepted textual form: a full IPv6 literal in brackets, a colon and five digits. */
    public static final int MAX_TEXT_LENGTH = 64;

    private final byte[] address;
    private final int port;

    private PeerAddress(byte[] address, int port) {
        this.address = address;
        this.port = port;
    }

    /**
     * The address {@code ip}:{@code port}.
     *
     * @param ip an IPv4 or unscoped IPv6 address, not multicast; the wildcard is allowed; its host
     *     name, if any, is dropped
     * @param port the UDP port, 1–65535
     * @return the address
     * @throws NullPointerException if ip is null
     * @throws IllegalArgumentException if the port is outside 1–65535, the address is multicast,
     *     or it is an IPv6 address with a scope id
     */
    public static PeerAddress of(InetAddress ip, int port) {
        Objects.requireNonNull(ip, "ip");
        checkPort(port);
        if (ip.isMulticastAddress()) {
            throw new IllegalArgumentException("a peer address cannot be multicast: " + ip.getHostAddress());
        }
        if (ip instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            throw new IllegalArgumentException("scoped IPv6 addresses are not supported: " + ip.getHostAddress());
        }
        return new PeerAddress(ip.getAddress(), port);
    }

    /**
     * The address of a socket address, with the same checks as {@link #of(InetAddress, int)}.
     *
     * @param socketAddress a resolved socket address, not null
     * @return the address
     * @throws IllegalArgumentException if it is unresolved, or a check of {@link #of(InetAddress, int)} fails
     */
    public static PeerAddress of(InetSocketAddress socketAddress) {
        Objects.requireNonNull(socketAddress, "socketAddress");
        if (socketAddress.isUnresolved()) {
            throw new IllegalArgumentException("unresolved socket address: " + socketAddress);
        }
        return of(socketAddress.getAddress(), socketAddress.getPort());
    }

    /**
     * An address from its raw bytes (4 for IPv4, 16 for IPv6) and port.
     *
     * @param raw the address bytes in network order, not null; copied
     * @param port the UDP port, 1–65535
     * @return the address
     * @throws IllegalArgumentException if the length is neither 4 nor 16, or any check of
     *     {@link #of(InetAddress, int)} fails
     */
    public static PeerAddress ofBytes(byte[] raw, int port) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length != 4 && raw.length != 16) {
            throw new IllegalArgumentException("address must have 4 or 16 bytes, got " + raw.length);
        }
        try {
            return of(InetAddress.getByAddress(raw), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address bytes", e);
        }
    }

    /**
     * Parses {@code "a.b.c.d:port"} or {@code "[v6]:port"}. Only numeric literals are accepted.
     *
     * @param text the address, not null, 1 to {@link #MAX_TEXT_LENGTH} characters, as {@link #toString()}
     *     writes it (IPv6 in any valid form, in brackets, without a zone)
     * @return the address; no DNS lookup is made
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException with the reason, if the text is not such an address
     */
    public static PeerAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("peer address must have 1 to " + MAX_TEXT_LENGTH
                    + " characters: \"" + abbreviate(text) + "\"");
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected host:port or [v6]:port: \"" + text + "\"");
        }
        String host = text.substring(0, colon);
        int port = parsePort(text.substring(colon + 1), text);
        InetAddress ip;
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() < 4 || host.indexOf('%') >= 0
                    || !host.substring(1, host.length() - 1).matches("[0-9A-Fa-f:.]+")
                    || host.indexOf(':') < 0) {
                throw new IllegalArgumentException("bad IPv6 literal in \"" + text + "\"");
            }
            ip = literal(host, text);
        } else {
            ip = literal(parseIpv4(host, text), text);
        }
        return of(ip, port);
    }

    private static String parseIpv4(String host, String text) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("bad IPv4 literal in \"" + text + "\" (IPv6 needs brackets)");
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                throw new IllegalArgumentException("bad IPv4 literal in \"" + text + "\"");
            }
        }
        return host;
    }

    private static InetAddress literal(String host, String text) {
        try {
            // Only called with a checked numeric literal, so no name resolution happens.
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address literal in \"" + text + "\"", e);
        }
    }

    private static int parsePort(String digits, String text) {
        if (digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("bad port in \"" + text + "\"");
        }
        int port = Integer.parseInt(digits);
        checkPort(port);
        return port;
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 1..65535, got " + port);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH) + "...";
    }

    /**
     * The IP address.
     *
     * @return a new {@link InetAddress} built from the raw bytes, without a host name or lookup
     */
    public InetAddress ip() {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new AssertionError("validated at construction", e);
        }
    }

    /**
     * The UDP port, 1–65535.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Whether this is an IPv6 address.
     *
     * @return true for 16 address bytes, false for 4
     */
    public boolean isIpv6() {
        return address.length == 16;
    }

    /**
     * Whether this is the wildcard address, which a node may bind to but no peer can have.
     *
     * @return true for {@code 0.0.0.0} and {@code ::}, whatever the port
     */
    public boolean isWildcard() {
        for (byte b : address) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a socket bound to this address can send to {@code to}: bound to IPv4, to IPv4
     * addresses only; bound to IPv6, to IPv6 addresses, and to IPv4 ones too when bound to the
     * wildcard [::] (dual stack). Ports play no part.
     *
     * @param to the destination, not null
     * @return whether datagrams from this bound address can reach {@code to}'s address family
     */
    public boolean canSendTo(PeerAddress to) {
        return isIpv6() ? to.isIpv6() || isWildcard() : !to.isIpv6();
    }

    /**
     * A copy of the raw address bytes: 4 for IPv4, 16 for IPv6.
     *
     * @return a new array in network byte order; writing to it does not change this address
     */
    public byte[] addressBytes() {
        return address.clone();
    }

    /**
     * This address as a socket address.
     *
     * @return a new, resolved socket address with the same IP and port
     */
    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(ip(), port);
    }

    /**
     * {@code "a.b.c.d:port"} or {@code "[v6]:port"} with the IPv6 address in its canonical short
     * form (RFC 5952: lower case, longest run of zero groups as {@code ::}); {@link #parse} reads
     * it back.
     */
    @Override
    public String toString() {
        return isIpv6() ? "[" + ipv6Text() + "]:" + port : ip().getHostAddress() + ":" + port;
    }

    private String ipv6Text() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerAddress p && p.port == port && Arrays.equals(p.address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + port;
    }
}
