package dev.amldebug.cli;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.server.debug.HostTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Attach the console debugger to a running local run, or to any debugpy that listens.",
                "A run started without --debug gets debugpy started where it is, with no restart, when its image has"
                        + " debugpy; it is a debug run from then on. The second form also serves scripts that start debugpy themselves (the Azure ML guide's "
                        + "--remote_debug style). On a terminal it prompts at each stop (c, n, s, finish, bt, p EXPR, b "
                        + "FILE:LINE, q); otherwise it prints each stop and its locals, and continues."},
        footer = {"",
                "Examples:",
                "  # Attach to a run, started with --debug or not, stopping at a line",
                "  aml-debug attach digits_1732438000_a1b2c3d4 --break train.py:44",
                "  # Attach to a debugpy listening on a node, mapping this folder to its code",
                "  aml-debug attach --host 10.0.0.4 --port 5678 --path-mapping .=/mnt/azureml/code --break "
                        + "train.py:44",
                "",
                "Exit code: the debuggee's, when debugpy reports it; otherwise 0."})
final class AttachCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "A running local run, started with --debug or not.")
    String runId;

    @Option(names = "--host", description = "Host where debugpy listens (loopback or a private address).")
    String host;

    @Option(names = "--port", description = "Port where debugpy listens.")
    Integer port;

    @Option(names = "--path-mapping", paramLabel = "LOCAL=REMOTE",
            description = "A local folder and its path on the debuggee's side (repeatable).")
    List<String> pathMappings = new ArrayList<>();

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    ConsoleDebugOptions console;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        OptionalInt exitCode;
        if (runId != null) {
            BridgeTarget target = workspace.runs().debugTarget(runId, !console.allCode);
            exitCode = ConsoleAttach.debug(target, Path.of(workspace.store().read(runId).codeDir), console.breakpoints, true,
                    console.trace(), workspace.threads().blocking(), CliContext.of(command).terminal());
        } else {
            exitCode = ConsoleAttach.debug(hostTarget(), HostTarget.localRoot(pathMappings), console.breakpoints, true, console.trace(),
                    workspace.threads().blocking(), CliContext.of(command).terminal());
        }
        exitCode.ifPresent(code -> {
            command.commandLine().getOut().println("exit code: " + code);
            command.commandLine().getOut().flush();
        });
        return exitCode.orElse(0);
    }

    private BridgeTarget hostTarget() {
        if (host == null || port == null) {
            throw AmlDebugException.badInput("Name a run (aml-debug attach RUN) or give --host and --port.");
        }
        return HostTarget.of(host, port, pathMappings, console.allowPublic, console.allCode);
    }
}
