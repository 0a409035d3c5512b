package io.gossip.udp;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Datagrams the kernel dropped at each UDP socket before the transport could read them, read once
 * from Linux's socket tables ({@code /proc/net/udp} and {@code /proc/net/udp6}, the {@code drops}
 * column). A node's event loop that falls behind lets its socket's receive buffer fill, and from
 * then on the kernel discards what arrives: such a datagram never reaches the transport, so no
 * counter of {@link NodeMetrics} can see it. This table can, per socket, since the socket opened.
 * On loopback a full receive buffer is the only reason the count grows; on a real interface the
 * kernel also counts datagrams with a bad checksum there.
 *
 * <p>Sockets are found by the exact local address and port they are bound to, as
 * {@link GossipNode#boundAddress()} gives it. A snapshot answers nothing where the tables cannot
 * be read (not Linux, or {@code /proc} hidden), and nothing for an address bound by more than one
 * socket ({@code SO_REUSEPORT}), where the tables cannot tell the sockets apart.
 *
 * <p>Reading costs one pass over the tables, whose length is the number of UDP sockets in this
 * network namespace (every process's): for many nodes, take one snapshot and ask it for each.
 */
public final class KernelReceiveDrops {
    private static final Path UDP4 = Path.of("/proc/net/udp");
    private static final Path UDP6 = Path.of("/proc/net/udp6");
    /** The drop count of an address bound by several sockets: not one socket's. */
    private static final long AMBIGUOUS = -1;

    private final boolean available;
    /** Drops by local address as the tables write it ({@code "0100007F:1F90"}), upper case. */
    private final Map<String, Long> drops;
    private final ByteOrder order;

    private KernelReceiveDrops(boolean available, Map<String, Long> drops, ByteOrder order) {
        this.available = available;
        this.drops = drops;
        this.order = order;
    }

    /**
     * Reads the kernel's UDP socket tables now.
     *
     * @return a snapshot; {@link #available()} is false where the tables cannot be read
     */
    public static KernelReceiveDrops read() {
        String udp4;
        try {
            udp4 = Files.readString(UDP4, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return new KernelReceiveDrops(false, Map.of(), ByteOrder.nativeOrder());
        }
        String udp6;
        try {
            udp6 = Files.readString(UDP6, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            udp6 = ""; // a kernel without IPv6 has no table of it, and no IPv6 socket to ask about
        }
        return parse(udp4, udp6, ByteOrder.nativeOrder());
    }

    /**
     * A snapshot of the tables' text, as a kernel of the given byte order writes them.
     *
     * @param udp4 the contents of {@code /proc/net/udp}
     * @param udp6 the contents of {@code /proc/net/udp6}, empty if there is none
     * @param order the byte order in which that kernel prints each 32-bit word of an address
     * @return the snapshot; lines that are not socket rows (the header, blank or cut lines) are skipped
     */
    static KernelReceiveDrops parse(String udp4, String udp6, ByteOrder order) {
        Map<String, Long> drops = new HashMap<>();
        for (String table : new String[] {udp4, udp6}) {
            for (String line : table.split("\n")) {
                addRow(line, drops);
            }
        }
        return new KernelReceiveDrops(true, drops, order);
    }

    /** One row: {@code sl local_address rem_address st ... inode ref pointer drops}. */
    private static void addRow(String line, Map<String, Long> drops) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 13 || !fields[0].endsWith(":")) {
            return;
        }
        long count;
        try {
            count = Long.parseLong(fields[fields.length - 1]);
        } catch (NumberFormatException e) {
            return;
        }
        drops.merge(fields[1].toUpperCase(Locale.ROOT), count, (a, b) -> AMBIGUOUS);
    }

    /**
     * Whether the tables could be read.
     *
     * @return true on Linux with {@code /proc} readable; false elsewhere, where {@link #of} is always empty
     */
    public boolean available() {
        return available;
    }

    /**
     * The drops of the one socket bound to exactly {@code bound}.
     *
     * @param bound the socket's local address and port, for a node its {@link GossipNode#boundAddress()}
     * @return the datagrams the kernel dropped at that socket since it opened; empty where the tables
     *     could not be read, no socket is bound there, or more than one is
     */
    public OptionalLong of(PeerAddress bound) {
        Objects.requireNonNull(bound, "bound");
        Long count = drops.get(key(bound));
        return count == null || count == AMBIGUOUS ? OptionalLong.empty() : OptionalLong.of(count);
    }

    /**
     * The tables' form of an address: each 32-bit word of it as the kernel holds it in memory,
     * printed as 8 hexadecimal digits (so on a little-endian machine 127.0.0.1 is {@code 0100007F}),
     * then the port as 4.
     */
    private String key(PeerAddress address) {
        byte[] raw = address.addressBytes();
        StringBuilder text = new StringBuilder(raw.length * 2 + 5);
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                int b = raw[word + (order == ByteOrder.LITTLE_ENDIAN ? 3 - i : i)] & 0xFF;
                text.append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return text.append(':').append(String.format(Locale.ROOT, "%04X", address.port())).toString();
    }
}
