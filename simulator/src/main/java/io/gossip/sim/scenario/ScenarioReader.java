package io.gossip.sim.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Reads a scenario: YAML text → located tree → {@code --set} overrides → seed (given, or drawn) →
 * sweep expansion → one bound {@link Scenario} per point. Anything wrong is refused, before
 * anything runs, with a {@link ScenarioException} naming file, line and column.
 */
public final class ScenarioReader {
    private final List<String> sets;
    private final Long seed;
    private final LongSupplier randomSeed;

    /**
     * @param sets {@code key=value} overrides, applied in order
     * @param seed a seed that replaces the file's, or null
     * @param randomSeed draws a seed when neither the file nor {@code seed} gives one
     */
    public ScenarioReader(List<String> sets, Long seed, LongSupplier randomSeed) {
        this.sets = List.copyOf(sets);
        this.seed = seed;
        this.randomSeed = randomSeed;
    }

    /** Reads and checks a scenario file. */
    public LoadedScenario read(Path file) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(new Location(file.toString(), 0, 0), "no such scenario file");
        } catch (IOException e) {
            throw new ScenarioException(new Location(file.toString(), 0, 0), "cannot read: " + e.getMessage());
        }
        return read(Utf8Text.decode(bytes, file.toString()), file.toString());
    }

    /**
     * Reads and checks scenario text.
     *
     * @param source the name to report in locations
     */
    public LoadedScenario read(String text, String source) throws ScenarioException {
        YamlNode document = YamlTreeReader.readDocument(text, source);
        if (!(document instanceof YamlNode.Mapping root)) {
            Location at = document == null ? new Location(source, 1, 1) : document.location();
            throw new ScenarioException(at, "expected a scenario mapping (name, nodes, timeline, ...), got "
                    + (document == null ? "an empty document" : document.describe()));
        }
        for (String set : sets) {
            Overrides.applySet(root, set);
        }
        refuseSetsUnderTheSweep(root);
        boolean generated = false;
        if (seed != null) {
            Overrides.set(root, "seed", new YamlNode.Scalar(seed, Location.override("--seed " + seed)),
                    Location.override("--seed " + seed));
        } else if (root.get("seed") == null || root.get("seed") instanceof YamlNode.Scalar s && s.value() == null) {
            insertSeed(root, randomSeed.getAsLong());
            generated = true;
        }
        RunPlan plan = plan(root);
        long effectiveSeed = plan.points().get(0).scenario().seed();
        String yaml = "# Effective scenario: the scenario file after --set overrides, with its seed.\n"
                + "# Replay this run with: sim run scenario.yaml\n" + YamlTreeWriter.write(root);
        return new LoadedScenario(plan, yaml, effectiveSeed, generated);
    }

    /**
     * Refuses a {@code --set} of the swept key or of a key inside it, and {@code --seed} when the seed
     * is swept: every point sets the swept key to its own value, so the override would silently
     * change nothing.
     */
    private void refuseSetsUnderTheSweep(YamlNode.Mapping root) throws ScenarioException {
        if (!(root.get("sweep") instanceof YamlNode.Mapping sweep)
                || !(sweep.get("parameter") instanceof YamlNode.Scalar parameter) || parameter.value() == null) {
            return;
        }
        String swept = parameter.text();
        if (seed != null && swept.equals("seed")) {
            throw new ScenarioException(Location.override("--seed " + seed), "seed is swept (sweep.parameter: seed):"
                    + " every point sets it to one of sweep.values, so --seed " + seed + " would never be used;"
                    + " change sweep.values, or run without the sweep (--set sweep=)");
        }
        for (String set : sets) {
            String path = Overrides.path(set);
            if (path.equals(swept) || path.startsWith(swept + ".")) {
                throw new ScenarioException(Location.override("--set " + set), path + " is swept (sweep.parameter: "
                        + swept + "): every point sets it to one of sweep.values, so this value would never be used;"
                        + " change sweep.values, or run without the sweep (--set sweep=)");
            }
        }
    }

    /** Puts the seed right after the name (or first), where a reader looks for it. */
    private static void insertSeed(YamlNode.Mapping root, long value) {
        Location at = Location.override("random seed " + value);
        List<String> keys = new ArrayList<>(root.entries().keySet());
        List<YamlNode.Entry> entries = new ArrayList<>(root.entries().values());
        root.entries().clear();
        boolean placed = !keys.contains("name");
        if (placed) {
            root.put("seed", at, new YamlNode.Scalar(value, at));
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).equals("seed")) {
                continue;
            }
            root.put(keys.get(i), entries.get(i).keyLocation(), entries.get(i).value());
            if (!placed && keys.get(i).equals("name")) {
                root.put("seed", at, new YamlNode.Scalar(value, at));
                placed = true;
            }
        }
    }

    private static RunPlan plan(YamlNode.Mapping root) throws ScenarioException {
        YamlNode sweepNode = root.get("sweep");
        if (sweepNode == null || sweepNode instanceof YamlNode.Scalar s && s.value() == null) {
            YamlNode.Mapping point = root.copy();
            point.remove("sweep");
            List<RunPlan.Point> points = List.of(new RunPlan.Point(0, null, ScenarioBinder.bind(point)));
            RunBounds.checkPlanRows(points, root, null);
            return new RunPlan(points, null);
        }
        Sweep sweep = Sweep.bind(sweepNode);
        List<RunPlan.Point> points = new ArrayList<>();
        Set<ScenarioException.Problem> seen = new LinkedHashSet<>();
        List<ScenarioException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < sweep.values().size(); i++) {
            YamlNode value = sweep.values().get(i);
            String text = Sweep.text(value);
            YamlNode.Mapping point = root.copy();
            point.remove("sweep");
            try {
                Overrides.set(point, sweep.parameter(), value.copy(), sweep.parameterLocation());
                points.add(new RunPlan.Point(i, text, ScenarioBinder.bind(point)));
            } catch (ScenarioException e) {
                for (ScenarioException.Problem problem : e.problems()) {
                    if (seen.add(problem)) {
                        problems.add(new ScenarioException.Problem(problem.location(),
                                "with sweep " + sweep.parameter() + " = " + Values.echo(text) + ": "
                                        + problem.message()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        RunBounds.checkPlanRows(points, root, sweep);
        return new RunPlan(points, sweep.parameter());
    }
}
