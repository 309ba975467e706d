package dev.amldebug.cli;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.server.run.deployment.ScoringRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Send a scoring request to a local deployment; prints the status and the body."},
        footer = {"",
                "Examples:",
                "  # The body of a file",
                "  aml-debug deploy score RUN --data sample-request.json",
                "  # A body and a header on the command line",
                "  aml-debug deploy score RUN --json '{\"data\": [[0, 1]]}' --header x-request-id=abc",
                "",
                "Exit code: 0 for a 2xx answer, 1 otherwise."})
final class DeployScoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "The deployment's run id.")
    String runId;

    @Option(names = "--data", paramLabel = "FILE", description = "The request body, from a file.")
    Path data;

    @Option(names = "--json", paramLabel = "TEXT", description = "The request body, as given.")
    String json;

    @Option(names = "--header", paramLabel = "K=V", description = "A request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if ((data == null) == (json == null)) {
            throw AmlDebugException.badInput("Give the request body with --data FILE or --json TEXT (one of them).");
        }
        RunRecord record = workspace.store().read(runId);
        ScoringRequest.Response response = ScoringRequest.send(record, data, json, headers);
        PrintWriter out = command.commandLine().getOut();
        out.println(response.status() + " (" + response.millis() + " ms)");
        out.println(response.body());
        return response.status() / 100 == 2 ? 0 : 1;
    }
}
