package io.gossip.sim.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's count of UDP datagrams dropped because a socket's receive buffer was full
 * ({@code RcvbufErrors} in Linux's {@code /proc/net/snmp}). The transport cannot see these drops:
 * they happen before a datagram reaches the socket, when event-loop threads fall behind. The count
 * is for the whole machine, every process included.
 */
final class KernelUdpCounters {
    private static final Path SNMP = Path.of("/proc/net/snmp");

    private KernelUdpCounters() {
    }

    /** The machine-wide receive-buffer drop count, or -1 where it cannot be read (not Linux). */
    static long receiveBufferErrors() {
        try {
            List<String> lines = Files.readAllLines(SNMP);
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                    String[] names = lines.get(i).trim().split("\\s+");
                    String[] values = lines.get(i + 1).trim().split("\\s+");
                    for (int k = 1; k < names.length && k < values.length; k++) {
                        if (names[k].equals("RcvbufErrors")) {
                            return Long.parseLong(values[k]);
                        }
                    }
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
