package io.gossip.sim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check every {@code --out DIR} gets before a command does anything: a folder that is a file,
 * or lies under one, cannot be created, and that is a mistake on the command line (exit 2), not a
 * failure found halfway through with an exception's name.
 */
final class OutFolder {
    private OutFolder() {
    }

    /** Why {@code dir} cannot be created as a folder (it or the nearest existing parent is a file), or null. */
    static String problem(Path dir) {
        if (dir == null) {
            return null;
        }
        Path absolute = dir.toAbsolutePath();
        for (Path p = absolute; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (Files.isDirectory(p)) {
                    return null;
                }
                return "--out " + dir + ": " + (p.equals(absolute) ? "it is" : p + " is") + " a file, not a folder";
            }
        }
        return null;
    }
}
