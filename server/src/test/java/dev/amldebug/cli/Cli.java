package dev.amldebug.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in this process and keeps what it printed. */
final class Cli {
    final int exitCode;
    final String out;
    final String err;

    private Cli(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static Cli run(String... args) {
        return run(System.getenv(), args);
    }

    /** With {@code environment} in place of the process's, for the Azure ML settings. */
    static Cli run(java.util.Map<String, String> environment, String... args) {
        return run(environment, new StringWriter(), args);
    }

    /** With stderr in {@code err}, which a test can read while the command runs. */
    static Cli run(java.util.Map<String, String> environment, StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine(false, CliContext.forArguments(environment, args), args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
