package dev.amldebug.cli;

import dev.amldebug.azure.Compute;
import dev.amldebug.azure.Job;
import dev.amldebug.runner.pipeline.PipelineStep;
import dev.amldebug.runner.pipeline.PipelineYamlParser;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The words the completion script offers that only the workspace knows, one a line: run ids (the run store, cheap),
 * a pipeline's step names (its YAML), and the Azure ML workspace's newest jobs and its computes (one request each).
 * Any failure prints nothing: a completion never shows an error.
 */
@Command(name = "completion-words", hidden = true, description = "Words for the shell completion script.")
final class CompletionWordsCommand implements Callable<Integer> {
    enum Kind { runs, steps, jobs, computes }

    @Parameters(index = "0", paramLabel = "KIND")
    Kind kind;

    @Option(names = "--file", paramLabel = "YAML", description = "The pipeline whose steps to list.")
    Path file;

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        try {
            words().forEach(command.commandLine().getOut()::println);
        } catch (RuntimeException e) {
            // Not signed in, no workspace, a broken file: no words.
        }
        return 0;
    }

    private List<String> words() {
        return switch (kind) {
            case runs -> workspace.store().list().stream().map(run -> run.id).toList();
            case steps -> file == null ? List.of()
                    : new PipelineYamlParser().parse(file).steps().stream().map(PipelineStep::name).toList();
            case jobs -> workspace.azure(new AzureWorkspaceOptions()).workspace().jobs().list(null).items().stream().map(Job::name).toList();
            case computes -> workspace.azure(new AzureWorkspaceOptions()).workspace().computes().list(null).items().stream().map(Compute::name)
                    .toList();
        };
    }
}
