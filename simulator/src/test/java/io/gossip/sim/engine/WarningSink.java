package io.gossip.sim.engine;

import java.util.ArrayList;
import java.util.List;

/** A progress sink for the engine tests that keeps what a run said ({@link ProgressSink#warning}). */
final class WarningSink implements ProgressSink {
    final List<String> said = new ArrayList<>();

    @Override
    public void progress(long virtualMicros, long newEvents) {
    }

    @Override
    public void warning(String text) {
        said.add(text);
    }
}
