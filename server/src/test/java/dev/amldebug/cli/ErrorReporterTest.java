package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.docker.DockerUnavailableException;
import dev.amldebug.runner.image.BuildFailedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ErrorReporterTest {
    private final StringWriter err = new StringWriter();

    private int report(Exception e, boolean verbose) {
        CommandLine commandLine = new CommandLine(new AmlDebugCommand(), CliContext.forArguments());
        commandLine.setErr(new PrintWriter(err, true));
        return new ErrorReporter(verbose, false).handleExecutionException(e, commandLine, null);
    }

    @Test
    void badInputAndNotFoundExitTwoWithTheSentenceAlone() {
        assertThat(report(AmlDebugException.badInput("--older-than takes 30m, 12h or 7d."), false)).isEqualTo(2);
        assertThat(report(AmlDebugException.notFound("No run 'x'."), false)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("aml-debug: --older-than takes 30m, 12h or 7d.\naml-debug: No run 'x'.\n");
    }

    @Test
    void dockerAndBuildFailuresExitThreeAndABuildShowsItsTail() {
        assertThat(report(new DockerUnavailableException("Docker is not running.", null), false)).isEqualTo(3);
        assertThat(report(new BuildFailedException("Step 2/3 : RUN x", "exit 1", List.of("x: not found")), false))
                .isEqualTo(3);
        assertThat(err.toString()).contains("Docker is not running.", "Image build failed at 'Step 2/3 : RUN x'",
                "  x: not found");
    }

    @Test
    void ourOwnFailureExitsOneAndPointsToVerboseWithoutAStackTrace() {
        assertThat(report(new IllegalStateException("boom"), false)).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("aml-debug: boom (run with --verbose for details)\n");
    }

    @Test
    void verboseShowsTheStackTrace() {
        report(new IllegalStateException("boom"), true);
        assertThat(err.toString()).contains("java.lang.IllegalStateException: boom", "\tat ");
    }
}
