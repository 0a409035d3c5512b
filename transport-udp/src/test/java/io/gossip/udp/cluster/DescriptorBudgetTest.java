package io.gossip.udp.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DescriptorBudgetTest {
    @Test
    void aClusterThatFitsIsNotRefused() {
        // 1,000 sockets + 4 loops * 2 + 16 spare = 1,024, with 37 already open: 1,061 of 1,061.
        assertNull(DescriptorBudget.shortfall(1_000, 4, 37, 1_061));
        assertNull(DescriptorBudget.shortfall(1_000, 4, 37, 20_000));
    }

    @Test
    void aClusterThatDoesNotFitIsRefusedWithTheFiguresAndWhatToDo() {
        assertEquals("1,100 nodes need about 1,124 file descriptors (a socket each, 2 per event loop and 16 to"
                + " spare) and this process may open 1,024, 37 of them already open: raise the limit (ulimit -n 2048"
                + " in the shell that starts it) or start fewer nodes",
                DescriptorBudget.shortfall(1_100, 4, 37, 1_024));
        assertEquals("1,000 nodes need about 1,024 file descriptors (a socket each, 2 per event loop and 16 to"
                + " spare) and this process may open 1,060, 37 of them already open: raise the limit (ulimit -n 2048"
                + " in the shell that starts it) or start fewer nodes",
                DescriptorBudget.shortfall(1_000, 4, 37, 1_060));
    }

    @Test
    void aSystemThatDoesNotSayItsLimitIsNotRefused() {
        assertNull(DescriptorBudget.shortfall(1_000_000, 4, -1, -1));
        assertNull(DescriptorBudget.shortfall(1_000_000, 4, 10, 0));
    }
}
