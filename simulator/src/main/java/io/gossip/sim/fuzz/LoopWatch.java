package io.gossip.sim.fuzz;

import io.gossip.udp.EventLoop;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches event-loop threads for crashes: an uncaught-exception handler on each thread (an
 * exception that escapes the loop kills it and every node on it), the exceptions each loop caught
 * and survived ({@link EventLoop#errorCount()}, which counts only bugs), and whether each thread
 * is still alive.
 */
final class LoopWatch {
    private final Map<EventLoop, Thread> threads = new LinkedHashMap<>();
    private final Map<EventLoop, Long> errorsAtStart = new LinkedHashMap<>();
    private final AtomicLong uncaught = new AtomicLong();
    private final List<String> uncaughtText = new ArrayList<>();

    /**
     * Installs a handler on the thread of every loop in {@code loops}.
     *
     * @throws IllegalStateException if a loop's thread cannot be found (it is not running)
     */
    static LoopWatch install(Collection<EventLoop> loops) {
        LoopWatch watch = new LoopWatch();
        Map<String, Thread> byName = new LinkedHashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            byName.put(t.getName(), t);
        }
        for (EventLoop loop : loops) {
            Thread thread = byName.get(loop.threadName());
            if (thread == null || !thread.isAlive()) {
                throw new IllegalStateException("event loop thread " + loop.threadName() + " is not running");
            }
            Thread.UncaughtExceptionHandler previous = thread.getUncaughtExceptionHandler();
            thread.setUncaughtExceptionHandler((t, e) -> {
                watch.recordUncaught(t, e);
                if (previous != null) {
                    previous.uncaughtException(t, e); // the thread group prints the stack trace
                }
            });
            watch.threads.put(loop, thread);
            watch.errorsAtStart.put(loop, loop.errorCount());
        }
        return watch;
    }

    private synchronized void recordUncaught(Thread thread, Throwable e) {
        uncaught.incrementAndGet();
        if (uncaughtText.size() < 10) {
            uncaughtText.add(thread.getName() + ": " + e);
        }
    }

    /** Exceptions that escaped a watched loop thread since {@link #install}. */
    long uncaught() {
        return uncaught.get();
    }

    /** The first few of those exceptions, as text. */
    synchronized List<String> uncaughtText() {
        return List.copyOf(uncaughtText);
    }

    /** Exceptions the watched loops caught and survived since {@link #install}. */
    long loopErrors() {
        long total = 0;
        for (Map.Entry<EventLoop, Long> e : errorsAtStart.entrySet()) {
            total += e.getKey().errorCount() - e.getValue();
        }
        return total;
    }

    /** Watched loop threads that are no longer alive. */
    int deadThreads() {
        int dead = 0;
        for (Thread t : threads.values()) {
            if (!t.isAlive()) {
                dead++;
            }
        }
        return dead;
    }

    /** Number of watched loops. */
    int size() {
        return threads.size();
    }
}
