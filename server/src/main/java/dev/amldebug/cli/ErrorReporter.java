package dev.amldebug.cli;

import dev.amldebug.cli.output.Style;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import dev.amldebug.errors.Sentences;
import dev.amldebug.runner.image.BuildFailedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The command line's one mapping from failures to what the user sees: one sentence on stderr,
 * and an exit code by kind (README): 2 for bad input or something not found, 3 when Docker or an
 * image build fails, 1 for our own errors. Stack traces only with --verbose.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    static final int INTERNAL = 1;
    static final int BAD_INPUT = 2;
    static final int ENVIRONMENT = 3;

    private final boolean verbose;
    private final String prefix;

    /** @param colour paint the "aml-debug:" prefix red (stderr is a terminal that takes colour) */
    ErrorReporter(boolean verbose, boolean colour) {
        this.verbose = verbose;
        this.prefix = Style.BAD.paint("aml-debug:", colour) + " ";
    }

    static int exitCode(ErrorKind kind) {
        return switch (kind) {
            case BAD_INPUT, NOT_FOUND -> BAD_INPUT;
            case ENVIRONMENT -> ENVIRONMENT;
            case INTERNAL -> INTERNAL;
        };
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (verbose) {
            e.printStackTrace(err);
        }
        ErrorKind kind = AmlDebugException.kindOf(Sentences.unwrap(e));
        if (kind == ErrorKind.INTERNAL) {
            err.println(prefix + Sentences.of(e) + (verbose ? "" : " (run with --verbose for details)"));
        } else {
            err.println(prefix + Sentences.of(e));
        }
        if (e instanceof BuildFailedException build) {
            err.println("Last lines of the build:");
            build.tail().forEach(line -> err.println("  " + line));
        }
        return exitCode(kind);
    }
}
