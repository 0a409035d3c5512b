/**
 * JMH benchmarks of the hot paths: a {@link io.gossip.protocol.ScampNode} handling a forwarded
 * subscription and a gossip message, the simulator's event queue, the UDP wire codec, and one whole
 * 10,000-node simulation.
 *
 * <p>Every benchmark carries short, explicit {@code @Fork}/{@code @Warmup}/{@code @Measurement}
 * defaults sized for a 2-core machine, so that the whole suite ({@code ./bench jmh}) takes about 5-7
 * minutes; pass JMH's own options ({@code -f}, {@code -wi}, {@code -i}, ...) to override them.
 * See docs/performance.md for how to run them and the figures measured.
 */
package io.gossip.bench;
