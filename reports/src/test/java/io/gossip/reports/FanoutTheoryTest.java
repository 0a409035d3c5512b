package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FanoutTheoryTest {
    @TempDir
    Path dir;

    @Test
    void liveFanoutCountsFirstReceiptsAndDuplicatesPerForwarder() throws Exception {
        List<FanoutTheory> theories = FanoutTheory.of(RunData.load(Fixtures.crashSweep(dir)).broadcasts());
        assertEquals(4, theories.size());
        FanoutTheory scampHalf = theories.get(2);
        assertEquals(1, scampHalf.point());
        assertEquals("scamp", scampHalf.membership());
        assertEquals(2, scampHalf.broadcasts());
        // (49 + 201) / 50 = 5 and (39 + 161) / 40 = 5.
        assertEquals(5.0, scampHalf.liveFanout(), 1e-12);
        assertEquals(50.0, scampHalf.liveNodes(), 1e-12);
        assertEquals(5 - Math.log(50), scampHalf.k(), 1e-12);
        assertEquals(Math.exp(-Math.exp(-(5 - Math.log(50)))), scampHalf.allReached(), 1e-12);
        assertEquals("global", theories.get(3).membership());
        assertEquals(9.98, theories.get(3).liveFanout(), 1e-12);
    }

    @Test
    void theLimitIsOneOverEAtKZeroAndGrowsWithK() {
        assertEquals(Math.exp(-1), FanoutTheory.allReachedProbability(0), 1e-12);
        assertEquals(Math.exp(-Math.exp(-2)), FanoutTheory.allReachedProbability(2), 1e-12);
    }

    @Test
    void broadcastsThatReachedNobodyAreLeftOut() throws Exception {
        Fixtures.singlePoint(dir);
        // An unmeasured broadcast (no node of its reference set live at the end), and one whose origin
        // is gone by the end: it reached none of the 3 nodes of its reference set.
        Fixtures.write(dir, "broadcasts.csv", Fixtures.BROADCASTS_HEADER,
                "0,scamp,0,0,n1,100.0,0,0,,,,,,0,0,0", "0,scamp,0,1,n1,100.0,3,0,0.0,false,,,,0,0,0");
        assertEquals(List.of(), FanoutTheory.of(RunData.load(dir).broadcasts()));
    }
}
