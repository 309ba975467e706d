package dev.amldebug.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for bash or zsh.",
                "It completes commands and options, and the words only your workspace knows: run ids, Azure ML "
                        + "job names, a pipeline's step names and compute names."},
        footer = {"",
                "Examples:",
                "  # Turn completion on in this bash",
                "  source <(aml-debug completion bash)",
                "  # Turn it on in every new bash",
                "  aml-debug completion bash > ~/.local/share/bash-completion/completions/aml-debug",
                "  # In zsh (add the line to ~/.zshrc)",
                "  source <(aml-debug completion zsh)"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        CommandLine all = Main.commandLine(false, CliContext.forArguments());
        command.commandLine().getOut().print(CompletionScript.bash(all));
        command.commandLine().getOut().flush();
        return 0;
    }
}
