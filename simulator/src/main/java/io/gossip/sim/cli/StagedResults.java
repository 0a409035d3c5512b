package io.gossip.sim.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code sim run} and {@code sim live} write a run's result files while it runs: a hidden
 * folder inside the output folder, whose files replace the folder's only once the run has
 * finished. The CSV files are opened, and so emptied, when a run starts; written in place, a run
 * stopped by Ctrl-C or a failure would leave empty CSVs beside the previous run's summary.json,
 * a folder that describes neither run. Staged, the previous results stay whole until the new ones
 * are complete, and a run that never finishes leaves nothing behind (its folder is removed when
 * the JVM exits, or by the next run into the same folder if the JVM was killed).
 */
final class StagedResults implements AutoCloseable {
    /** The staging folder's name inside the output folder. */
    static final String FOLDER = ".sim-run-in-progress";

    private final Path target;
    private final Path staging;
    private final Thread removeOnExit;
    private boolean done;

    private StagedResults(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
        this.removeOnExit = new Thread(() -> deleteQuietly(staging), "sim-remove-unfinished-results");
        Runtime.getRuntime().addShutdownHook(removeOnExit);
    }

    /** An empty staging folder in {@code target} (an existing folder), replacing a killed run's. */
    static StagedResults in(Path target) throws IOException {
        Path staging = target.resolve(FOLDER);
        delete(staging);
        Files.createDirectory(staging);
        return new StagedResults(target, staging);
    }

    /** The folder to write the result files into. */
    Path folder() {
        return staging;
    }

    /**
     * Moves every file written into {@link #folder()} to the output folder, replacing files of the
     * same name, and removes the staging folder.
     */
    void commit() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> written = Files.newDirectoryStream(staging)) {
            written.forEach(files::add);
        }
        for (Path file : files) {
            Path to = target.resolve(file.getFileName());
            try {
                Files.move(file, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        close();
    }

    /** Removes what is left of the staging folder (all of it, unless {@link #commit()} moved it). */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        delete(staging);
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is shutting down: the hook runs or has run, and deletes nothing that exists
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            delete(folder);
        } catch (IOException | RuntimeException ignored) {
            // exiting: the next run into the folder removes what is left
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    delete(file);
                } else {
                    Files.deleteIfExists(file);
                }
            }
        }
        Files.deleteIfExists(folder);
    }
}
