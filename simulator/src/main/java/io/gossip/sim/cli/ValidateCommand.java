package io.gossip.sim.cli;

import io.gossip.sim.scenario.LoadedScenario;
import io.gossip.sim.scenario.RunPlan;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.ScenarioException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sim validate FILE}: checks a scenario without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        // One string per paragraph: picocli wraps each to the help width; lines of our own break
        // again wherever they pass it.
        description = {"Check a scenario without running it.",
            "Applies the --set overrides, checks everything, and prints what would run, or every "
                + "problem found with file:line:column."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the scenario is valid", "2:the scenario or the command line is wrong"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedScenario loaded;
        try {
            loaded = scenario.load(() -> 0L);
        } catch (ScenarioException e) {
            return Refusal.print(spec.commandLine().getErr(), e);
        }
        out.println("ok: " + scenario.file + " is a valid scenario");
        out.println(describe(loaded.plan()));
        out.println("  seed         " + (loaded.seedGenerated() ? "none: sim run draws a random one and prints it"
                : String.valueOf(loaded.seed())));
        out.flush();
        return ExitCodes.OK;
    }

    /** A few lines saying what the plan runs. */
    static String describe(RunPlan plan) {
        Scenario first = plan.points().get(0).scenario();
        StringBuilder text = new StringBuilder();
        text.append("  name         ").append(first.name()).append('\n');
        if (plan.parameter() != null) {
            text.append("  sweep        ").append(plan.parameter()).append(" = ")
                    .append(plan.points().stream().map(RunPlan.Point::value).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        text.append("  points       ").append(plan.points().size()).append('\n');
        text.append("  repetitions  ").append(first.repetitions()).append('\n');
        text.append("  nodes        ").append(plan.points().stream().map(p -> String.valueOf(p.scenario().nodes()))
                .distinct().collect(Collectors.joining(", "))).append('\n');
        text.append("  membership   ").append(first.membership().type().name().toLowerCase())
                .append(first.baseline() == null ? "" : " + global baseline").append('\n');
        text.append("  actions      ").append(first.timeline().size()).append('\n');
        text.append("  duration     ").append(plan.points().stream()
                .map(p -> Format.millis(p.scenario().durationMillis())).distinct()
                .collect(Collectors.joining(", "))).append(" of virtual time");
        return text.toString();
    }
}
