package dev.amldebug.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script for bash or zsh.")
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
