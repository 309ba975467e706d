package dev.amldebug.cli;

import dev.amldebug.cli.output.Style;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot parse: one sentence, picocli's suggestions, and where the help is; not the whole help,
 * as `az` does. Exit code 2, as for any invalid input.
 */
final class UsageErrors implements IParameterExceptionHandler {
    private final boolean colour;

    UsageErrors(boolean colour) {
        this.colour = colour;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
        err.println(Style.BAD.paint("aml-debug:", colour) + " " + message + folderHint(e));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See `" + command.getCommandSpec().qualifiedName() + " --help`.");
        err.flush();
        return ErrorReporter.BAD_INPUT;
    }

    /** `-w DIR` and `--workspace DIR` named the folder before; -w is now the workspace name, as in `az ml`. */
    private static String folderHint(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && unmatched.getUnmatched().stream()
                .anyMatch(arg -> arg.equals("-w") || arg.equals("--workspace") || arg.startsWith("--workspace="))) {
            return " The folder option is --folder; -w is the Azure ML workspace name, as in `az ml`.";
        }
        return "";
    }
}
