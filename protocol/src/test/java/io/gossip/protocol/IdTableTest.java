package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdTableTest {
    private static BitSet ids(int... ids) {
        BitSet set = new BitSet();
        for (int id : ids) {
            set.set(id);
        }
        return set;
    }

    private static IdTable<String> tableOf(String... identities) {
        IdTable<String> table = new IdTable<>();
        for (String identity : identities) {
            table.intern(identity);
        }
        return table;
    }

    @Test
    void internsInOrderAndKeepsAnIdentitysIdWhileItIsReferenced() {
        IdTable<String> table = tableOf("a", "b", "c");
        assertEquals(1, table.intern("b"));
        assertEquals(2, table.find("c"));
        assertEquals(NodeIds.NONE, table.find("d"));
        assertEquals(3, table.size());
        assertEquals(0, table.retainOnly(ids(0, 1, 2)));
        assertEquals(3, table.size());
        assertEquals("b", table.identity(1));
        assertEquals(0, table.releasedCount());
    }

    @Test
    void aSweepTakesTheIdentityOfAnUnreferencedIdAwayAtOnce() {
        IdTable<String> table = tableOf("a", "b", "c");
        assertEquals(0, table.retainOnly(ids(0, 2)));
        assertEquals(2, table.size());
        assertEquals(1, table.releasedCount());
        assertFalse(table.hasIdentity(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.identity(1));
        assertTrue(e.getMessage().contains("released"), e.getMessage());
        assertEquals(NodeIds.NONE, table.find("b"));
        assertEquals("c", table.identity(2));
    }

    @Test
    void aReleasedIdIsNotGivenAgainBeforeTheNextSweepFindsItStillUnreferenced() {
        IdTable<String> table = tableOf("a", "b", "c");
        table.retainOnly(ids(0, 2));
        int again = table.intern("b"); // the released identity comes back: a new id, not its old one
        assertEquals(3, again);
        assertEquals(4, table.intern("d"), "id 1 is in quarantine, not free yet");
        assertFalse(table.hasIdentity(1));

        table.retainOnly(ids(0, 2, 3, 4));
        assertEquals(1, table.intern("e"), "free after a second sweep: the lowest free id is taken first");
        assertEquals("e", table.identity(1));
        assertEquals(5, table.size());
    }

    @Test
    void aReferenceToAReleasedIdIsCountedAndKeepsTheIdOutOfUse() {
        IdTable<String> table = tableOf("a", "b", "c");
        table.retainOnly(ids(0, 2));
        // Someone held id 1 after all (a reference the caller missed): counted, and never given out.
        assertEquals(1, table.retainOnly(ids(0, 1, 2)));
        assertEquals(3, table.intern("x"));
        assertEquals(1, table.retainOnly(ids(0, 1, 2, 3)));
        assertEquals(4, table.intern("y"));
        assertEquals(0, table.retainOnly(ids(0, 2, 3, 4)));
        assertEquals(1, table.intern("z"), "free once unreferenced at a sweep");
    }

    @Test
    void anIdAboveTheBoundReportedAsReferencedIsCountedAndNeverGivenOut() {
        IdTable<String> table = tableOf("a");
        assertEquals(1, table.retainOnly(ids(0, 3)));
        assertEquals(1, table.intern("b"));
        assertEquals(2, table.intern("c"));
        assertEquals(4, table.intern("d"), "3 is skipped");
        assertFalse(table.hasIdentity(3));
    }

    @Test
    void freeIdsAtTheTopAreDroppedSoTheBoundShrinks() {
        IdTable<String> table = tableOf("a", "b", "c", "d", "e");
        assertEquals(5, table.idBound());
        table.retainOnly(ids(0, 2));
        assertEquals(5, table.idBound(), "released ids stay in quarantine below the bound");
        table.retainOnly(ids(0, 2));
        assertEquals(3, table.idBound(), "3 and 4 were free at the top");
        assertEquals(1, table.intern("f"));
        assertEquals(3, table.intern("g"));
        assertEquals(4, table.size());
        assertEquals(3, table.releasedCount());
    }

    @Test
    void identityOfAnIdNeverAssignedIsRefused() {
        IdTable<String> table = tableOf("a");
        assertThrows(IllegalArgumentException.class, () -> table.identity(1));
        assertThrows(IllegalArgumentException.class, () -> table.identity(-1));
        assertFalse(table.hasIdentity(-1));
        assertFalse(table.hasIdentity(7));
    }

    /**
     * Against a model: random interns and sweeps keep the table a bijection between the identities
     * it holds and their ids, never give an id that a sweep found referenced to another identity,
     * and keep the bound near what is held.
     */
    @Test
    void staysConsistentUnderRandomInternsAndSweeps() {
        SplittableRandom random = new SplittableRandom(11);
        IdTable<Integer> table = new IdTable<>();
        Map<Integer, Integer> held = new HashMap<>(); // identity -> id, for the identities still referenced
        for (int round = 0; round < 200; round++) {
            for (int i = random.nextInt(50); i > 0; i--) {
                Integer identity = random.nextInt(300);
                int id = table.intern(identity);
                Integer before = held.putIfAbsent(identity, id);
                assertTrue(before == null || before == id, "an identity held keeps its id");
            }
            held.values().removeIf(id -> random.nextInt(4) == 0); // the rest stop being referenced
            BitSet referenced = new BitSet();
            held.values().forEach(referenced::set);
            assertEquals(0, table.retainOnly(referenced));
            assertEquals(held.size(), table.size());
            held.forEach((identity, id) -> {
                assertEquals(identity, table.identity(id));
                assertEquals(id, table.find(identity));
            });
            assertTrue(table.idBound() <= 2 * Math.max(held.size(), 50) + 50, "bound " + table.idBound());
        }
        assertNotEquals(0, table.releasedCount());
    }
}
