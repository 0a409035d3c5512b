package io.gossip.sim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.RegionsSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworkTest {
    @Test
    void partitionBlocksExactlyTheCrossGroupTrafficUntilHealed() {
        int n = 300;
        Network network = new Network(new NetworkSpec(new LatencySpec.Constant(1), null, LossSpec.none()), n,
                new SplittableRandom(1));
        int[] groups = PartitionGroups.assign(n, List.of(1.0, 2.0), new SplittableRandom(9));
        network.partition(groups);
        for (int from = 0; from < n; from += 7) {
            for (int to = 0; to < n; to++) {
                int expected = groups[from] == groups[to] ? Network.DELIVER : NetworkDropReason.PARTITION.ordinal();
                assertEquals(expected, network.arrivalVerdict(from, to));
            }
        }
        network.heal();
        for (int to = 0; to < n; to++) {
            assertEquals(Network.DELIVER, network.arrivalVerdict(0, to));
        }
    }

    @Test
    void partitionGroupsHaveSizesProportionalToTheFractions() {
        int[] groups = PartitionGroups.assign(1000, List.of(0.2, 0.3, 0.5), new SplittableRandom(4));
        int[] sizes = new int[3];
        for (int g : groups) {
            sizes[g]++;
        }
        assertEquals(200, sizes[0]);
        assertEquals(300, sizes[1]);
        assertEquals(500, sizes[2]);
        assertThrows(IllegalArgumentException.class, () -> PartitionGroups.assign(10, List.of(), new SplittableRandom(1)));
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
