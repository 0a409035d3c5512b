package io.gossip.sim.cli;

import io.gossip.udp.GossipNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The end of an interactive node's life, run once whichever comes first: end of input, a failure,
 * or the JVM shutting down (Ctrl-C). A member leaves gracefully, waiting a bounded time for its
 * goodbyes to be acknowledged; then the node is closed.
 */
final class NodeSession {
    private final GossipNode node;
    private final long leaveTimeoutMillis;
    private final PrintWriter err;
    /** Volatile: read without the lock, which {@link #stop} holds while it leaves. */
    private volatile boolean stopped;

    NodeSession(GossipNode node, long leaveTimeoutMillis, PrintWriter err) {
        this.node = node;
        this.leaveTimeoutMillis = leaveTimeoutMillis;
        this.err = err;
    }

    /** Whether {@link #stop} has run (or is running). */
    boolean isStopped() {
        return stopped;
    }

    /** Leaves (if still a member) and closes; later calls do nothing. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (!node.isClosed() && node.metrics().member()) {
                boolean acknowledged = node.leave(Duration.ofMillis(leaveTimeoutMillis));
                say(acknowledged ? "left the group" : "left the group (not every goodbye was acknowledged within "
                        + leaveTimeoutMillis + " ms)");
            }
        } catch (RuntimeException e) {
            say("could not leave gracefully: " + e.getMessage());
        } finally {
            OptionalLong kernelDrops = node.kernelReceiveDrops(); // read while the socket is still ours
            node.close();
            say("closed " + node.address());
            if (kernelDrops.isPresent() && kernelDrops.getAsLong() > 0) {
                say("the kernel dropped " + kernelDrops.getAsLong() + " datagrams sent to this node: its receive "
                        + "buffer was full while the node was busy (--receive-buffer-bytes asks for a larger one)");
            }
        }
    }

    private void say(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
