package io.gossip.sim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.RegionsSpec;
import io.gossip.sim.scenario.Scenario;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NetworkTest {
    @Test
    void partitionBlocksExactlyTheCrossGroupTrafficUntilHealed() {
        int n = 300;
        Network network = new Network(new NetworkSpec(new LatencySpec.Constant(1), null, LossSpec.none()), n,
                new SplittableRandom(1));
        int[] groups = PartitionGroups.assign(n, allSlots(n), List.of(1.0, 2.0), new SplittableRandom(9));
        network.partition(groups);
        for (int from = 0; from < n; from += 7) {
            for (int to = 0; to < n; to++) {
                int expected = groups[from] == groups[to] ? Network.DELIVER : NetworkDropReason.PARTITION.ordinal();
                assertEquals(expected, network.arrivalVerdict(from, to));
            }
        }
        assertEquals(false, network.heal(new int[n]), "another partition's end heals nothing");
        assertEquals(true, network.heal(groups));
        for (int to = 0; to < n; to++) {
            assertEquals(Network.DELIVER, network.arrivalVerdict(0, to));
        }
    }

    @Test
    void partitionGroupsHaveSizesProportionalToTheFractions() {
        int[] groups = PartitionGroups.assign(1000, allSlots(1000), List.of(0.2, 0.3, 0.5), new SplittableRandom(4));
        int[] sizes = new int[3];
        for (int g : groups) {
            sizes[g]++;
        }
        assertEquals(200, sizes[0]);
        assertEquals(300, sizes[1]);
        assertEquals(500, sizes[2]);
        assertThrows(IllegalArgumentException.class,
                () -> PartitionGroups.assign(10, allSlots(10), List.of(), new SplittableRandom(1)));
    }

    @Test
    void theLiveMembersAreSplitInTheseProportionsWhateverTheOtherSlots() {
        // 1,000 slots of which 300 are members (the others never joined yet, or are gone): the
        // members split 60 / 240, and the other slots, where later joins land, 140 / 560.
        int[] members = new int[300];
        for (int i = 0; i < members.length; i++) {
            members[i] = 3 * i + 1;
        }
        for (long seed = 0; seed < 20; seed++) {
            int[] groups = PartitionGroups.assign(1000, members, List.of(0.2, 0.8), new SplittableRandom(seed));
            int inFirst = 0;
            for (int m : members) {
                inFirst += groups[m] == 0 ? 1 : 0;
            }
            int othersInFirst = 0;
            for (int g : groups) {
                othersInFirst += g == 0 ? 1 : 0;
            }
            assertEquals(60, inFirst, "members in the first group, seed " + seed);
            assertEquals(140, othersInFirst - inFirst, "other slots in the first group, seed " + seed);
        }
        // Every slot a member, in slot order: the groups drawn over the slots as before the members
        // were told apart (what the earlier PartitionGroups gave for these arguments).
        assertArrayEquals(new int[] {1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1},
                PartitionGroups.assign(12, allSlots(12), List.of(0.25, 0.75), new SplittableRandom(3)));
    }

    private static int[] allSlots(int n) {
        return IntStream.range(0, n).toArray();
    }

    /** A latency later than any run's end is capped, so that the clock plus it cannot wrap round. */
    @Test
    void latenciesBeyondEveryRunAreCapped() {
        Network years = new Network(new NetworkSpec(new LatencySpec.Constant(9.3e15), null, LossSpec.none()), 2,
                new SplittableRandom(1));
        assertEquals(2_000_000_000_000_000L, years.latencyMicros(0, 1));
        assertTrue(Long.MAX_VALUE - years.latencyMicros(0, 1) > 1_000L * Scenario.MAX_DURATION_MILLIS);
        Network infinite = new Network(new NetworkSpec(new LatencySpec.LogNormal(50, 1e6), null, LossSpec.none()), 2,
                new SplittableRandom(1));
        for (int i = 0; i < 100; i++) {
            long micros = infinite.latencyMicros(0, 1);
            assertTrue(micros >= 0 && micros <= 2_000_000_000_000_000L, Long.toString(micros));
        }
    }

    @Test
    void regionsAddTheirBaseLatencyByRoundRobinPlacement() {
        Network network = new Network(new NetworkSpec(new LatencySpec.Constant(2), new RegionsSpec(3, 1, 50),
                LossSpec.none()), 10, new SplittableRandom(1));
        assertEquals(3_000, network.latencyMicros(0, 3));
        assertEquals(52_000, network.latencyMicros(0, 1));
        assertTrue(network.latencyMicros(4, 7) == 3_000);
    }
}
