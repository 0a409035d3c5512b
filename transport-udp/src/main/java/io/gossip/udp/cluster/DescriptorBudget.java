package io.gossip.udp.cluster;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * Whether this process may open the file descriptors a loopback cluster needs: one socket per
 * node and two per event loop (an epoll set and its wake-up descriptor, as measured on JDK 17 for
 * Linux). Checked before the first socket opens, because running out halfway through a cluster of
 * a thousand nodes is a poor way to learn about {@code ulimit -n}, and leaves nothing that could say
 * how many were needed.
 */
final class DescriptorBudget {
    /** Descriptors an event loop's selector holds. */
    static final int PER_LOOP = 2;
    /** Room for what the process opens besides the cluster meanwhile: result files, jars, a report. */
    static final int SPARE = 16;

    private DescriptorBudget() {
    }

    /**
     * Why {@code nodes} nodes on {@code loops} event loops cannot be started in this process, or
     * null if they can, or if the system does not say how many descriptors it allows.
     */
    static String shortfall(int nodes, int loops) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            return shortfall(nodes, loops, unix.getOpenFileDescriptorCount(), unix.getMaxFileDescriptorCount());
        }
        return null;
    }

    /** {@link #shortfall(int, int)} for a process with {@code open} descriptors open of at most {@code max}. */
    static String shortfall(int nodes, int loops, long open, long max) {
        long need = nodes + (long) loops * PER_LOOP + SPARE;
        if (open < 0 || max <= 0 || open + need <= max) {
            return null;
        }
        long enough = (open + need + 1023) / 1024 * 1024;
        return String.format(Locale.ROOT, "%,d nodes need about %,d file descriptors (a socket each, %d per event"
                + " loop and %d to spare) and this process may open %,d, %,d of them already open: raise the limit"
                + " (ulimit -n %d in the shell that starts it) or start fewer nodes", nodes, need, PER_LOOP, SPARE,
                max, open, enough);
    }
}
