package io.gossip.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every result file of one run folder, parsed and checked.
 *
 * <p>{@link #loadComplete}, for {@code sim report}, requires every file {@code sim run} and
 * {@code sim live} write ({@link #RUN_FILES}) and checks that none is cut short
 * ({@link RunCompleteness}). {@link #load} requires {@code summary.json}, {@code broadcasts.csv},
 * {@code coverage.csv}, {@code nodes.csv} and {@code points.csv} only, and reads {@code timeline.csv},
 * {@code events.csv} and {@code scenario.yaml} when present (empty lists, or no scenario, when
 * absent). Reading everything up front means a malformed file fails the report before any chart is
 * written.
 */
record RunData(
        Path dir,
        Summary summary,
        Optional<String> scenarioYaml,
        List<BroadcastRow> broadcasts,
        List<CoverageRow> coverage,
        List<NodeRow> nodes,
        List<PointRow> points,
        List<TimelineRow> timeline,
        List<EventRow> events) {

    static final String SCENARIO_FILE = "scenario.yaml";

    /**
     * Every file {@code sim run} and {@code sim live} write into a run folder, in the order
     * {@link #loadComplete} looks for them, each with what the report would lose without it.
     */
    static final Map<String, String> RUN_FILES = runFiles();

    private static Map<String, String> runFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(Summary.FILE, "the run's figures");
        files.put(SCENARIO_FILE, "the scenario the page shows, and whether the run sampled its membership");
        files.put(PointRow.FILE, "the per-point figures");
        files.put(BroadcastRow.FILE, "the broadcasts");
        files.put(CoverageRow.FILE, "the coverage curves");
        files.put(NodeRow.FILE, "the view-size and message histograms");
        files.put(TimelineRow.FILE, "the timeline charts (a header only when the run samples nothing)");
        files.put(EventRow.FILE, "the timeline charts' action markers");
        return Collections.unmodifiableMap(files);
    }

    /**
     * Reads every result file of {@code runDir}, each of {@link #RUN_FILES} required, and checks them
     * against one another ({@link RunCompleteness}).
     *
     * @throws ReportException naming the file that is missing, malformed or cut short
     */
    static RunData loadComplete(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new ReportException(runDir, "run folder does not exist");
        }
        for (Map.Entry<String, String> file : RUN_FILES.entrySet()) {
            Path path = runDir.resolve(file.getKey());
            if (!Files.isRegularFile(path)) {
                throw new ReportException(path, "file is missing: sim run and sim live write it into every run "
                        + "folder, and the report would be drawn without " + file.getValue());
            }
        }
        RunData run = load(runDir);
        RunCompleteness.check(run);
        return run;
    }

    /** Reads every result file of {@code runDir}. */
    static RunData load(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new ReportException(runDir, "run folder does not exist");
        }
        Summary summary = Summary.read(runDir);
        Path yaml = runDir.resolve(SCENARIO_FILE);
        Optional<String> scenarioYaml = Files.isRegularFile(yaml)
                ? Optional.of(Files.readString(yaml, StandardCharsets.UTF_8))
                : Optional.empty();
        return new RunData(
                runDir,
                summary,
                scenarioYaml,
                required(runDir, BroadcastRow.FILE, BroadcastRow.COLUMNS, BroadcastRow::parse),
                required(runDir, CoverageRow.FILE, CoverageRow.COLUMNS, CoverageRow::parse),
                required(runDir, NodeRow.FILE, NodeRow.COLUMNS, NodeRow::parse),
                required(runDir, PointRow.FILE, PointRow.COLUMNS, PointRow::parse),
                optional(runDir, TimelineRow.FILE, TimelineRow.COLUMNS, TimelineRow::parse),
                optional(runDir, EventRow.FILE, EventRow.COLUMNS, EventRow::parse));
    }

    /**
     * The broadcasts with a reference set to measure them over ({@link BroadcastRow#measured}): what
     * the charts of coverage, reliability and latency draw. An unmeasured broadcast has no coverage,
     * and a latency chart would count it as one that never got there.
     */
    List<BroadcastRow> measuredBroadcasts() {
        return broadcasts.stream().filter(BroadcastRow::measured).toList();
    }

    /** The folder's own name, used to tell runs apart whose scenario names clash. */
    String folderName() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    private static <T> List<T> required(Path dir, String file, List<String> columns,
            CsvReader.RowParser<T> parser) throws IOException {
        return List.copyOf(CsvReader.read(dir.resolve(file), columns, parser));
    }

    private static <T> List<T> optional(Path dir, String file, List<String> columns,
            CsvReader.RowParser<T> parser) throws IOException {
        return Files.exists(dir.resolve(file)) ? required(dir, file, columns, parser) : List.of();
    }
}
