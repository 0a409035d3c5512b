package io.gossip.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check every {@code --out DIR} gets before a command does anything: a folder that is a file,
 * or lies under one, cannot be created, and that is a mistake on the command line (exit 2), not a
 * failure found halfway through with an exception's name. Public for {@code ./bench profile},
 * which creates its folder the same way.
 */
public final class OutFolder {
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

    /**
     * Creates {@code dir} and its parents; if the system refuses, says why on {@code err} as
     * {@code command} (not with an exception's class name) and returns false. For a folder that
     * {@link #problem} cannot foresee: no permission, or a file system that takes no folders.
     */
    public static boolean create(Path dir, String command, PrintWriter err) {
        try {
            Files.createDirectories(dir);
            return true;
        } catch (IOException e) {
            err.println(command + ": cannot create the output folder " + dir + ": " + reason(e));
            err.flush();
            return false;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        if (e instanceof FileSystemException refused) {
            return "the system refused to create " + refused.getFile()
                    + (refused.getReason() == null ? "" : " (" + refused.getReason() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
