package io.gossip.sim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the sim command line in-process with captured output, as the tests' user. */
final class CommandRunner {
    /** What one invocation printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private CommandRunner() {
    }

    static Result run(Engine engine, ReportBuilder reports, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = SimCommand.commandLine(engine, reports, false);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** With an engine and report builder that fail the test if they are ever called. */
    static Result run(String... args) {
        return run((plan, outDir, threads, appender, listener) -> {
            throw new AssertionError("the engine must not run");
        }, dir -> {
            throw new AssertionError("no report expected");
        }, args);
    }
}
