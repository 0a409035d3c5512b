package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/** The structural invariants of SCAMP's views, checked over a whole {@link InMemoryGroup}. */
final class ViewInvariants {
    private ViewInvariants() {
    }

    /** No node in its own views, no duplicate entry. Holds after every single message. */
    static void checkLocal(InMemoryGroup group) {
        for (ScampNode n : group.nodes()) {
            checkLocal(n);
        }
    }

    /** The local invariants of one node. */
    static void checkLocal(ScampNode n) {
        checkNoSelfNoDuplicate(n.id(), n.partialView(), "PartialView");
        checkNoSelfNoDuplicate(n.id(), n.inView(), "InView");
    }

    /** Node {@code self}'s {@code name} view holds neither itself nor any id twice (either representation). */
    static void checkNoSelfNoDuplicate(int self, int[] view, String name) {
        int[] sorted = view.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] == self) {
                fail("node " + self + " holds itself in its " + name);
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                fail("node " + self + " holds " + sorted[i] + " twice in its " + name);
            }
        }
    }

    /**
     * Once messages settle: y is in x's InView exactly when x is in y's PartialView, over members
     * that have not crashed.
     */
    static void checkConsistent(InMemoryGroup group) {
        checkLocal(group);
        for (ScampNode y : group.nodes()) {
            if (!y.isMember() || group.isCrashed(y.id())) {
                continue;
            }
            for (int x : y.partialView()) {
                ScampNode target = group.node(x);
                if (target.isMember() && !group.isCrashed(x)) {
                    assertEqualsTrue(target.inViewContains(y.id()),
                            "node " + y.id() + " holds " + x + " but is not in its InView");
                }
            }
            for (int x : y.inView()) {
                ScampNode holder = group.node(x);
                if (holder.isMember() && !group.isCrashed(x)) {
                    assertEqualsTrue(holder.partialViewContains(y.id()),
                            "node " + y.id() + " lists " + x + " in its InView but " + x + " does not hold it");
                }
                assertFalse(holder.hasLeft(), "node " + y.id() + " still lists departed node " + x + " in its InView");
            }
        }
    }

    private static void assertEqualsTrue(boolean condition, String message) {
        assertEquals(true, condition, message);
    }
}
