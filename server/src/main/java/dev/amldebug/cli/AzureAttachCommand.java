package dev.amldebug.cli;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.server.azure.GuideAttach;
import dev.amldebug.server.debug.HostTarget;
import dev.amldebug.server.jobs.GuideEndpoint;
import dev.amldebug.server.threads.ServerThreads;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Attach the console debugger to a running Azure ML job (or pipeline step) whose script starts "
                        + "debugpy itself.",
                "That is how the Azure ML debugging guide does it: debugpy.listen((\"0.0.0.0\", 5678)) and a print "
                        + "of `ip_address: <the node's address>`. The log is followed until that line appears; then it "
                        + "attaches as `aml-debug attach --host ADDRESS --port PORT` does. The compute must be reachable "
                        + "from this machine: the compute's virtual network, a VPN into it, or a compute instance in it.",
                "Paths: the current folder maps to the job's working directory ('.'), as the guide maps them, "
                        + "unless --path-mapping says otherwise."},
        footer = {"",
                "Examples:",
                "  # Attach to a job, stopping at a line",
                "  aml-debug azure attach JOB --break train.py:44",
                "  # Attach to one step of a pipeline job",
                "  aml-debug azure attach PIPELINE_JOB --step train --break train.py:44",
                "  # Attach to node 1, with a mapping of your own",
                "  aml-debug azure attach JOB --node 1 --path-mapping src=/mnt/azureml/cr/j/ID/exe/wd",
                "",
                "Exit code: the debuggee's, when debugpy reports it; otherwise 0."})
final class AzureAttachCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB", description = "The job (for a pipeline, the pipeline job with --step).")
    String job;

    @Option(names = "--step", paramLabel = "NAME", description = "The pipeline step: its step (display) name or its run id.")
    String step;

    @Option(names = "--node", paramLabel = "N", description = "On a multi-node job, the node (rank) whose log names the address.")
    Integer node;

    @Option(names = "--port", defaultValue = "5678", description = "Port debugpy listens on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--path-mapping", paramLabel = "LOCAL=REMOTE",
            description = "A local folder and its path on the node (repeatable; default: .=.).")
    List<String> pathMappings = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for the `ip_address:` line (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Mixin
    AzureOption azure;

    @Mixin
    ConsoleDebugOptions console;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = command.commandLine().getErr();
        GuideEndpoint found = azure.jobs().guideAddress(job, step, node, Duration.ofSeconds(timeout), line -> say(err, line));
        List<String> mappings = GuideAttach.mappingsOrGuide(pathMappings);
        BridgeTarget target = HostTarget.of(found.address(), port, mappings, console.allowPublic, console.allCode);
        say(err, "debugpy: " + target.address() + " (from the log of " + found.runId() + "); attaching...");
        OptionalInt exitCode;
        try {
            exitCode = ConsoleAttach.debug(target, HostTarget.localRoot(mappings), console.breakpoints, true, console.trace(),
                    threads().blocking(), CliContext.of(command).terminal());
        } catch (Exception e) {
            if (ConsoleAttach.unreachable(e)) {
                throw GuideAttach.unreachable(target);
            }
            throw e;
        }
        exitCode.ifPresent(code -> {
            command.commandLine().getOut().println("exit code: " + code);
            command.commandLine().getOut().flush();
        });
        return exitCode.orElse(0);
    }

    private ServerThreads threads() {
        return azure.threads();
    }

    private static void say(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
