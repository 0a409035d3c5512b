package io.gossip.udp;

import io.gossip.protocol.Environment;
import io.gossip.protocol.IdTable;
import io.gossip.udp.wire.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * One thread that drives any number of live nodes: a {@link Selector} over their non-blocking
 * datagram channels, a timer queue on the real clock, and a queue of tasks handed over by other
 * threads. Every protocol core call happens on this thread, so the cores stay single-threaded.
 *
 * <p>Many nodes per loop is what makes a 1,000-node loopback cluster fit in one process with a few
 * threads. The loop owns one {@link IdTable} mapping peer addresses to the core's int ids, shared
 * by its nodes. Every datagram's sender and every address a message names is interned, forged ones
 * included, so the loop sweeps the table on its own thread, between two rounds, once it holds at
 * least 1,024 addresses and twice as many as the last sweep kept (or, if more, as many as the last
 * sweep kept plus one per eight ids it read: a sweep reads every id the nodes hold, so this keeps
 * its cost per new address bounded). A sweep releases the addresses its open nodes no longer refer
 * to ({@link io.gossip.protocol.ScampNode#forEachReferencedId}), and the next one gives their ids
 * to new addresses ({@link #idTableSize()}, {@link #releasedIdCount()}, {@link #idSweepCount()}).
 * Create with {@link #start(String)}; {@link #close()} closes every node still on the loop, stops
 * the thread and the selector.
 */
public final class EventLoop implements AutoCloseable {
    /** Prefix of the names of every loop thread, to let tests check for leaks. */
    public static final String THREAD_NAME_PREFIX = "gossip-udp-loop-";
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final int RECEIVE_BUFFER_BYTES = 65_536;
    private static final int DATAGRAMS_PER_READ = 64;
    /**
     * Tasks run per round before the loop looks at its sockets and timers again. Unbounded, a
     * thread calling a blocking method back to back (each call's task handed over while the loop
     * still runs the previous one) kept the loop from reading for as long as it went on, and the
     * kernel dropped whatever overflowed the receive buffers. Small, so that a burst of
     * {@code broadcastAsync} calls sends a few datagrams per socket between reads, not thousands.
     */
    private static final int TASKS_PER_ROUND = 16;
    /**
     * The id table's size below which the loop never sweeps it: a thousand addresses cost about
     * 100 KB, and a smaller table is not worth a pass over every node's state.
     */
    static final int MIN_SWEEP_SIZE = 1_024;
    /**
     * A sweep reads every id the nodes hold, duplicates included (each node's memory of handled
     * messages and of gossip ids holds up to 4,096 by default): the next sweep waits until at least
     * one new address per this many ids read was interned, so that a flood of new addresses costs
     * a bounded amount of sweeping per address (about this many ids read, plus the table's length
     * over the number kept).
     */
    private static final int IDS_READ_PER_NEW_ADDRESS = 8;

    static {
        closeOneSelectorWhileDescriptorsAreFree();
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final TimerQueue timers = new TimerQueue();
    private final IdTable<PeerAddress> ids = new IdTable<>();
    private final List<NodeRuntime> localNodes = new ArrayList<>();
    private final List<InetSocketAddress> socketAddresses = new ArrayList<>();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER_BYTES);
    private final ByteBuffer encodeScratch = ByteBuffer.allocate(WireFormat.MAX_MAX_DATAGRAM_BYTES);
    private final AtomicLong errors = new AtomicLong();
    /** Ids the open nodes refer to, gathered by a sweep; reused from one sweep to the next. */
    private final BitSet referencedIds = new BitSet();
    private long idsReadBySweep;
    private final IntConsumer markReferenced = id -> {
        referencedIds.set(id);
        idsReadBySweep++;
    };
    private int minSweepSize = MIN_SWEEP_SIZE;
    private int nextSweepAtSize = MIN_SWEEP_SIZE;
    private volatile int idTableSize;
    private volatile long releasedIds;
    private volatile long idSweeps;
    private final Environment environment = new LoopEnvironment(this);
    private volatile boolean running = true;

    private EventLoop(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, THREAD_NAME_PREFIX + NUMBER.incrementAndGet() + "-" + name);
        thread.setDaemon(true);
    }

    /**
     * The JDK loads the code that closes selectors and sockets the first time one is closed, and
     * loading it opens a descriptor. In a process that has run out of descriptors, that first close
     * fails with ExceptionInInitializerError and every later one with NoClassDefFoundError: no loop
     * could close its selector again, and each would die with a stack trace. Closing one selector
     * now, while descriptors are free, leaves only the socket that could not be opened to fail.
     */
    private static void closeOneSelectorWhileDescriptorsAreFree() {
        try {
            Selector.open().close();
        } catch (IOException ignored) {
            // then the loop's own Selector.open() fails and says so
        }
    }

    /**
     * Starts a loop thread named {@link #THREAD_NAME_PREFIX} + a number + {@code name}.
     *
     * @param name the end of the thread's name, not null; it need not be unique (the number is)
     * @return the running loop, whose daemon thread runs until {@link #close()}
     * @throws IOException if no selector can be opened
     */
    public static EventLoop start(String name) throws IOException {
        EventLoop loop = new EventLoop(Objects.requireNonNull(name, "name"));
        loop.thread.start();
        return loop;
    }

    /**
     * The loop thread's name.
     *
     * @return {@link #THREAD_NAME_PREFIX}, a number unique in the process, a dash and the given name
     */
    public String threadName() {
        return thread.getName();
    }

    /**
     * Whether the calling thread is this loop's thread.
     *
     * @return true only on the loop thread, where blocking node calls are refused
     */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Unexpected exceptions the loop caught and survived (a non-zero value means a bug).
     *
     * @return the count since the loop started, {@code >= 0}; readable from any thread
     */
    public long errorCount() {
        return errors.get();
    }

    /**
     * How many peer addresses the loop's id table holds: its nodes' own, and every address seen
     * since the last sweep or still referred to by a node (see the class comment). Updated at the
     * end of each round of the loop.
     *
     * @return the count, {@code >= 0}; readable from any thread
     */
    public int idTableSize() {
        return idTableSize;
    }

    /**
     * How many ids sweeps of the loop's id table have released: addresses none of its nodes
     * referred to any more.
     *
     * @return the count since the loop started, {@code >= 0}; readable from any thread
     */
    public long releasedIdCount() {
        return releasedIds;
    }

    /**
     * How many times the loop swept its id table.
     *
     * @return the count since the loop started, {@code >= 0}; readable from any thread
     */
    public long idSweepCount() {
        return idSweeps;
    }

    /**
     * Whether the loop still accepts work.
     *
     * @return true until {@link #close()} is called (or the thread ends on an I/O error); false from then on
     */
    public boolean isRunning() {
        return running;
    }

    /**
     * Closes every node on this loop (without a graceful leave), stops the thread and releases the
     * selector. Waits up to five seconds for the thread unless called from the loop itself.
     * Idempotent.
     */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------ hand-over from other threads

    /** Runs {@code task} on the loop thread, after what is already queued. */
    void execute(Runnable task) {
        if (!running) {
            throw new IllegalStateException("event loop " + thread.getName() + " is closed");
        }
        tasks.add(task);
        // The loop may have stopped between the check and the add, and drained its queue already: the
        // task would then never run and a future waiting on it never complete. Whoever takes it from
        // the queue owns it: the drain runs it, or this call refuses it as it would have at the check.
        if (!running && tasks.remove(task)) {
            throw new IllegalStateException("event loop " + thread.getName() + " is closed");
        }
        selector.wakeup();
    }

    /** Runs {@code task} on the loop thread; the future completes with its result or exception. */
    <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> callInto(result, task));
        return result;
    }

    /**
     * {@link #submit}, or, once the loop thread has ended, {@code task} run on the caller's thread:
     * nothing else touches the loop's state then, and the thread's end published everything it
     * wrote (seeing it dead is a happens-before edge). A closed node's last figures stay readable.
     */
    <T> CompletableFuture<T> submitOrRunIfEnded(Callable<T> task) {
        if (running || thread.isAlive()) {
            return submit(task);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        callInto(result, task);
        return result;
    }

    private static <T> void callInto(CompletableFuture<T> result, Callable<T> task) {
        try {
            result.complete(task.call());
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    // ------------------------------------------------------------------ loop-thread services

    IdTable<PeerAddress> ids() {
        return ids;
    }

    /** A buffer large enough for any datagram, reused for every encoding. Loop thread only. */
    ByteBuffer encodeScratch() {
        return encodeScratch;
    }

    Environment environment() {
        return environment;
    }

    Selector selector() {
        return selector;
    }

    /**
     * Registers a node whose address has id {@code id}. Loop thread only.
     *
     * @throws IllegalStateException if another node of this loop already has that address
     */
    void attach(int id, NodeRuntime node) {
        while (localNodes.size() <= id) {
            localNodes.add(null);
        }
        if (localNodes.get(id) != null) {
            throw new IllegalStateException("a node with address " + ids.identity(id) + " already runs on this loop");
        }
        localNodes.set(id, node);
    }

    void detach(int id) {
        localNodes.set(id, null);
    }

    /**
     * The socket address of id {@code id}, cached; null, counted as an error of the loop, if the id
     * has no address (a reference to a released id that a sweep missed: a bug). Loop thread only.
     */
    InetSocketAddress socketAddress(int id) {
        if (!ids.hasIdentity(id)) {
            countError();
            return null;
        }
        while (socketAddresses.size() <= id) {
            socketAddresses.add(null);
        }
        InetSocketAddress address = socketAddresses.get(id);
        if (address == null) {
            address = ids.identity(id).toSocketAddress();
            socketAddresses.set(id, address);
        }
        return address;
    }

    /**
     * The peer address of id {@code id}; null, counted as an error of the loop, if the id has none
     * (see {@link #socketAddress}). Loop thread only.
     */
    PeerAddress peer(int id) {
        if (!ids.hasIdentity(id)) {
            countError();
            return null;
        }
        return ids.identity(id);
    }

    /** Counts a bug the loop survived (see {@link #errorCount()}). Any thread. */
    void countError() {
        errors.incrementAndGet();
    }

    /** Lowers (or raises) the table size below which the loop never sweeps, for tests. Loop thread only. */
    void sweepFromSize(int minimum) {
        minSweepSize = minimum;
        nextSweepAtSize = Math.min(nextSweepAtSize, minimum);
    }

    /**
     * Sweeps the id table now: gathers every id the open nodes refer to, releases the others
     * ({@link IdTable#retainOnly}) and forgets the socket addresses cached for them. A referenced
     * id without an address (a reference an earlier sweep missed) is counted as an error. Loop
     * thread only, between two calls into the nodes (never while a datagram is being handled: its
     * decoded ids are referenced by nobody yet).
     */
    void sweepIds() {
        referencedIds.clear();
        idsReadBySweep = 0;
        for (NodeRuntime node : localNodes) {
            if (node != null) {
                node.forEachReferencedId(markReferenced);
            }
        }
        int missed = ids.retainOnly(referencedIds);
        if (missed > 0) {
            errors.addAndGet(missed);
        }
        int bound = ids.idBound();
        if (socketAddresses.size() > bound) {
            socketAddresses.subList(bound, socketAddresses.size()).clear();
        }
        for (int id = 0; id < socketAddresses.size(); id++) {
            if (socketAddresses.get(id) != null && !ids.hasIdentity(id)) {
                socketAddresses.set(id, null);
            }
        }
        while (localNodes.size() > bound && localNodes.get(localNodes.size() - 1) == null) {
            localNodes.remove(localNodes.size() - 1);
        }
        int kept = ids.size();
        long next = Math.max(Math.max(minSweepSize, 2L * kept), kept + idsReadBySweep / IDS_READ_PER_NEW_ADDRESS);
        nextSweepAtSize = (int) Math.min(Integer.MAX_VALUE, next);
        idTableSize = kept;
        releasedIds = ids.releasedCount();
        idSweeps++;
    }

    /**
     * Lets the selector forget cancelled keys now, which is when the operating system really
     * releases a closed channel's port. Call from a task, never while keys are being processed.
     */
    void releaseCancelledKeys() {
        try {
            selector.selectNow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void wakeAt(long deadlineMicros, NodeRuntime node) {
        timers.wakeAt(deadlineMicros, node);
    }

    void sendAt(long deadlineMicros, NodeRuntime node, ByteBuffer datagram, InetSocketAddress to) {
        timers.sendAt(deadlineMicros, node, datagram, to);
    }

    /** The node of this loop whose address has id {@code id}, or null. Loop thread only. */
    NodeRuntime local(int id) {
        return id < localNodes.size() ? localNodes.get(id) : null;
    }

    // ------------------------------------------------------------------ the loop

    private void run() {
        try {
            while (running) {
                try {
                    runTasks();
                    fireTimers();
                    select();
                    afterRound();
                } catch (RuntimeException e) {
                    // A bug must not silence every node of the loop: count it and go on.
                    errors.incrementAndGet();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("event loop " + thread.getName() + " failed", e);
        } finally {
            running = false;
            shutdown();
        }
    }

    /** Publishes the id table's size, and sweeps the table once it has grown enough (see the class comment). */
    private void afterRound() {
        int size = ids.size();
        if (size >= nextSweepAtSize) {
            sweepIds();
        } else if (size != idTableSize) {
            idTableSize = size;
        }
    }

    /** Runs at most {@link #TASKS_PER_ROUND} tasks; the rest wait for the next round (select does not block then). */
    private void runTasks() {
        Runnable task;
        for (int budget = TASKS_PER_ROUND; budget > 0 && (task = tasks.poll()) != null; budget--) {
            task.run();
        }
    }

    /**
     * Fires what is due now. At most as many timers as were queued on entry, so a timer that
     * re-arms itself for "now" waits for the next round instead of starving the sockets.
     */
    private void fireTimers() {
        long now = RealClock.nowMicros();
        int budget = timers.size();
        TimerQueue.Timer due;
        while (budget-- > 0 && (due = timers.pollDue(now)) != null) {
            if (due.node().isOpen()) {
                if (due.datagram() == null) {
                    due.node().onTimeout(now);
                } else {
                    due.node().enqueue(due.datagram(), due.to());
                }
            }
        }
    }

    private void select() throws IOException {
        long deadline = timers.nextDeadline();
        if (!tasks.isEmpty()) {
            selector.selectNow();
        } else if (deadline == Long.MAX_VALUE) {
            selector.select();
        } else {
            long waitMicros = deadline - RealClock.nowMicros();
            if (waitMicros <= 0) {
                selector.selectNow();
            } else {
                selector.select(Math.max(1, (waitMicros + 999) / 1_000));
            }
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            NodeRuntime node = (NodeRuntime) key.attachment();
            if (!key.isValid() || !node.isOpen()) {
                continue;
            }
            if (key.isWritable()) {
                node.flush();
            }
            if (key.isValid() && key.isReadable()) {
                node.receive(receiveBuffer, DATAGRAMS_PER_READ);
            }
        }
    }

    private void shutdown() {
        for (NodeRuntime node : new ArrayList<>(localNodes)) {
            if (node != null) {
                node.closeOnLoop();
            }
        }
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException ignored) {
                // tasks after close fail their futures themselves; nothing else to do
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing: nothing left to release
        }
    }
}
