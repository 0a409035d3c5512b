package io.gossip.sim.cli;

import io.gossip.sim.scenario.LoadedScenario;
import io.gossip.sim.scenario.ScenarioException;
import io.gossip.sim.scenario.ScenarioReader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and its overrides, shared by {@code sim run} and {@code sim validate}. */
final class ScenarioOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML, see docs/scenarios.md).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = {"Override a scenario value by its dotted path before checking.",
                "Repeatable. Examples:", "  --set nodes=5000", "  --set network.loss=0.2",
                "  --set timeline.1.fraction=0.3"})
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N",
            description = "Root seed of every random choice, replacing the file's and any --set seed=. Without "
                    + "it and without a seed in the file, a random seed is drawn and printed. Refused when the "
                    + "scenario sweeps seed.")
    Long seed;

    /** Reads, overrides and checks the scenario; a missing seed is drawn from the system's entropy. */
    LoadedScenario load() throws ScenarioException {
        return load(new SecureRandom()::nextLong);
    }

    /** As {@link #load()} with the given source of random seeds. */
    LoadedScenario load(LongSupplier randomSeed) throws ScenarioException {
        return new ScenarioReader(sets, seed, randomSeed).read(file);
    }
}
