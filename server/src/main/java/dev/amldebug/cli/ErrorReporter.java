package dev.amldebug.cli;

import dev.amldebug.runner.docker.DockerUnavailableException;
import dev.amldebug.runner.image.BuildFailedException;
import dev.amldebug.runner.run.RunNotFoundException;
import dev.amldebug.runner.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception into one sentence on stderr and an exit code: 2 for bad input, 3 when
 * Docker or an image build fails, 1 for anything else. Stack traces only with --verbose.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int ENVIRONMENT = 3;

    private final boolean verbose;

    ErrorReporter(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (verbose) {
            e.printStackTrace(err);
        }
        if (e instanceof SpecException || e instanceof RunNotFoundException || e instanceof UserInputException) {
            err.println("aml-debug: " + e.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof DockerUnavailableException) {
            err.println("aml-debug: " + e.getMessage());
            return ENVIRONMENT;
        }
        if (e instanceof BuildFailedException build) {
            err.println("aml-debug: " + build.getMessage());
            err.println("Last lines of the build:");
            build.tail().forEach(line -> err.println("  " + line));
            return ENVIRONMENT;
        }
        err.println("aml-debug: " + e.getMessage() + (verbose ? "" : " (run with --verbose for details)"));
        return 1;
    }
}
