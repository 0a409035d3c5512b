package io.gossip.sim.run;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * How long a cache line takes to go from one core to another and back, measured as the scale
 * benchmark runs: two threads hand a counter back and forth, and the figure is the smallest of ten
 * batches' mean time per round trip. The smallest, because anything else the machine runs meanwhile
 * (the JIT compiling on the other core after a run, say) only adds to a batch: in the first
 * version, the median of five, a batch right after the benchmark's warm-up read 1,610 ns.
 *
 * <p>Why the benchmark measures it: on the shared 2-vCPU machine this project is measured on, the
 * round trip was 62-150 ns most of the time and 440-515 ns for stretches of seconds to minutes (a
 * quarter of 226 measurements in 13 minutes, none in between): the host, as far as the guest can
 * tell, moving its two virtual CPUs nearer or further apart (no steal time shows either way). The
 * broadcast phase's second thread (the event queue's appender) hands every event over between the
 * two cores, so with the cores far apart it gains nothing and the phase runs at about one thread's
 * speed (docs/simulator-engine.md, round 19). Printed beside a run's rates, the round trip tells a
 * slow minute of the host from a slower build.
 *
 * <p>The measurement is bounded: it stops after {@code budgetNanos} of wall time whatever it has
 * done (a machine whose second core is busy elsewhere hands the counter over once per scheduler
 * tick), and it needs two processors, since one core would only time the scheduler.
 */
final class CoreRoundTrip {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** The two counters, 128 bytes apart so that each has its own cache line (and its neighbour's prefetch). */
    private static final int PING = 16;
    private static final int PONG = 32;
    private static final int BATCHES = 10;
    /** Round trips between two looks at the clock. */
    private static final int CHECK_EVERY = 256;
    /** What the benchmark measures before and after each run: at most 20 ms at the slow figure. */
    static final int DEFAULT_ROUND_TRIPS = 20_000;
    static final long DEFAULT_BUDGET_NANOS = 200_000_000L;

    private CoreRoundTrip() {
    }

    /** {@link #measureNanos(int, int, long)} with this machine's processors and the benchmark's defaults. */
    static double measureNanos() {
        return measureNanos(Runtime.getRuntime().availableProcessors(), DEFAULT_ROUND_TRIPS, DEFAULT_BUDGET_NANOS);
    }

    /**
     * Nanoseconds per round trip: the smallest mean of ten batches of {@code roundTrips / 10}, or of the
     * batches done when {@code budgetNanos} of wall time ran out (a batch cut short counts). NaN when
     * {@code processors} is below 2, or when not one round trip was answered within the budget.
     */
    static double measureNanos(int processors, int roundTrips, long budgetNanos) {
        if (processors < 2) {
            return Double.NaN;
        }
        if (roundTrips < BATCHES) {
            throw new IllegalArgumentException("roundTrips must be >= " + BATCHES + ", got " + roundTrips);
        }
        long[] line = new long[PONG + 16];
        Thread echo = new Thread(() -> echo(line), "core-round-trip");
        echo.setDaemon(true);
        echo.start();
        long deadline = System.nanoTime() + budgetNanos;
        double fastest = Double.NaN; // NaN until a batch has an answered round trip
        int measured = 0;
        try {
            long sent = 0;
            boolean late = false;
            for (int per = roundTrips / BATCHES; measured < BATCHES && !late; ) {
                long t0 = System.nanoTime();
                int answered = 0;
                while (answered < per && !late) {
                    sent++;
                    LONGS.setRelease(line, PING, sent);
                    int spins = 0;
                    while ((long) LONGS.getAcquire(line, PONG) != sent && !late) {
                        Thread.onSpinWait();
                        late = ++spins % CHECK_EVERY == 0 && System.nanoTime() > deadline;
                    }
                    if (!late) {
                        answered++;
                        late = answered % CHECK_EVERY == 0 && System.nanoTime() > deadline;
                    }
                }
                if (answered > 0) {
                    // A batch the budget cut short counts the wait for its unanswered count too.
                    double mean = (System.nanoTime() - t0) / (double) answered;
                    fastest = measured++ == 0 ? mean : Math.min(fastest, mean);
                }
            }
        } finally {
            LONGS.setRelease(line, PING, -1L);
        }
        try {
            echo.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fastest; // NaN if not one round trip came back within the budget: no second core to be had
    }

    /** The other thread: answers each count with the same count, until it reads -1. */
    private static void echo(long[] line) {
        long seen = 0;
        while (true) {
            long v = (long) LONGS.getAcquire(line, PING);
            if (v == -1L) {
                return;
            }
            if (v != seen) {
                seen = v;
                LONGS.setRelease(line, PONG, v);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
