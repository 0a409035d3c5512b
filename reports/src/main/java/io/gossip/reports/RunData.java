package io.gossip.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every result file of one run folder, parsed and checked.
 *
 * <p>{@code summary.json}, {@code broadcasts.csv}, {@code coverage.csv}, {@code nodes.csv} and
 * {@code points.csv} are required: the simulator always writes them. {@code timeline.csv} and
 * {@code events.csv} exist only for scenarios with a timeline and are empty lists when absent;
 * {@code scenario.yaml} is shown verbatim when present. Reading everything up front means a
 * malformed file fails the report before any chart is written.
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
