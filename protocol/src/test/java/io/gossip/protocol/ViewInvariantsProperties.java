package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Random small groups under random joins, leaves, broadcasts and message loss: the local view
 * invariants hold after every single message, and once every membership message has been
 * acknowledged, InView and PartialView agree across the group.
 */
class ViewInvariantsProperties {
    @Property(tries = 60, seed = "20261125")
    void viewsStayConsistentUnderRandomMembershipChangesAndLoss(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 40) int capacity,
            @ForAll @IntRange(min = 0, max = 3) int c,
            @ForAll @DoubleRange(min = 0, max = 0.2) double loss,
            @ForAll boolean indirection) {
        ProtocolConfig config = ProtocolConfig.builder().c(c).noHeartbeats().indirection(indirection)
                .maxAttempts(12).retransmitTimeoutMillis(50).build();
        InMemoryGroup group = new InMemoryGroup(capacity, config, seed);
        group.loseMessages(loss, seed ^ 0x5DEECE66DL);
        group.afterEachMessage(node -> ViewInvariants.checkLocal(group.node(node)));
        SplittableRandom script = new SplittableRandom(seed * 31 + 7);
        group.newNode().bootstrap(group.now());
        for (int step = 0; step < 3 * capacity; step++) {
            int op = script.nextInt(10);
            if (op < 5 && group.size() < capacity) {
                group.newNode().join(group.now(), group.randomLiveMember());
            } else if (op < 7 && group.liveMembers().size() > 1) {
                group.liveMembers().get(script.nextInt(group.liveMembers().size())).leave(group.now());
            } else if (op < 8) {
                group.liveMembers().get(0).broadcast(group.now(), new byte[] {(byte) step});
            }
            group.settle();
            group.runUntil(group.now() + script.nextInt(200_000));
        }
        // Quiescence: every membership message acknowledged or given up. In a tiny group where every
        // node already holds a subscriber, copies may bounce up to the forward limit, each bounce to a
        // departed node waiting out its retransmissions, hence the generous bound.
        long deadline = group.now() + 4L * 3_600_000_000L;
        while (group.nodes().stream().anyMatch(n -> n.unacknowledgedCount() > 0) && group.now() < deadline) {
            group.runUntil(group.now() + 60_000_000L);
        }
        for (ScampNode n : group.nodes()) {
            assertEquals(0, n.unacknowledgedCount(), "node " + n.id() + " still retransmitting");
        }
        ViewInvariants.checkConsistent(group);
    }
}
