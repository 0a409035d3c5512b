package io.gossip.protocol;

/**
 * An {@link ArenaEnvironment} that sends, delivers and wakes nothing: for tests that hand an arena
 * or its channel their inputs themselves and read the state that results.
 */
final class SilentArenaEnvironment implements ArenaEnvironment {
    @Override
    public void send(int from, int to, int type, int seq, int subject, int hops) {
    }

    @Override
    public void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops, double budget,
            int leaseMillis, int renewalCopies) {
    }

    @Override
    public void deliver(int node, int message, int hops) {
    }

    @Override
    public void wakeAt(int node, long deadlineMicros) {
    }
}
