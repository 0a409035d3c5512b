package io.gossip.sim.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Builds the report of a finished run (charts and a page) and says where it is. */
@FunctionalInterface
interface ReportBuilder {
    /** Builds the report of the run in {@code runDir}; returns a short description of where it is. */
    String build(Path runDir) throws IOException;
}
