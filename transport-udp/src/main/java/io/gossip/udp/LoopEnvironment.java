package io.gossip.udp;

import io.gossip.protocol.Environment;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;

/**
 * The protocol core's view of the network, one per {@link EventLoop}, shared by all its nodes: the
 * {@code from}/{@code node} id picks the node, which encodes and queues, delivers, or asks for a
 * timer. Called only on the loop thread, from inside a core call; nothing here calls back into a
 * core, so the core is never re-entered.
 */
final class LoopEnvironment implements Environment {
    private final EventLoop loop;

    LoopEnvironment(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public void send(int from, int to, Message message) {
        NodeRuntime node = loop.local(from);
        if (node != null) {
            node.send(to, message);
        }
    }

    @Override
    public void deliver(int node, Gossip message) {
        NodeRuntime runtime = loop.local(node);
        if (runtime != null) {
            runtime.deliver(message);
        }
    }

    @Override
    public void wakeAt(int node, long deadlineMicros) {
        NodeRuntime runtime = loop.local(node);
        if (runtime != null) {
            loop.wakeAt(deadlineMicros, runtime);
        }
    }
}
