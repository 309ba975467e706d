package dev.amldebug.cli;

import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.server.debug.DapTargets;
import dev.amldebug.server.run.RunServices;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dap", mixinStandardHelpOptions = true,
        description = {"Serve the azureml debug adapter on stdin/stdout, for any DAP client.",
                "launch: {\"job\" | \"script\", \"args\", \"experiment\", \"waitTimeout\", \"justMyCode\", \"workspace\"}"
                        + " runs a job or script under the debugger.",
                "attach: {\"runId\"} joins a debug run; {\"host\", \"port\", \"pathMappings\"} joins any debugpy."},
        footer = {"", "Example (a DAP client's adapter command):", "  aml-debug dap --workspace ~/proj"})
final class DapCommand implements Callable<Integer> {
    @Mixin
    BaseImageOption baseImage;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--trace-dap", paramLabel = "FILE", description = "Write every DAP message to FILE (JSON lines).")
    java.nio.file.Path traceFile;

    @Override
    public Integer call() throws Exception {
        // stdout carries DAP; anything else printed there would break the protocol.
        PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        System.setOut(System.err);
        DapBridge[] bridge = new DapBridge[1];
        RunListener forward = new RunListener() {
            @Override
            public void controlLine(String line) {
                bridge[0].notifyClient("console", line + "\n");
            }

            @Override
            public void driverOutput(String text) {
                bridge[0].notifyClient("stdout", text);
            }
        };
        RunServices services = workspace.services(baseImage.image);
        DapTargets targets = new DapTargets(services, workspace.path(), forward);
        bridge[0] = new DapBridge(targets, traceFile == null ? DapTrace.NONE : DapTrace.toFile(traceFile),
                workspace.threads().blocking());
        // A client that goes away, or SIGTERM, leaves its runs to background followers, as the editor's path does.
        Thread handOver = new Thread(services::handOver, "aml-debug-dap-hand-over");
        Runtime.getRuntime().addShutdownHook(handOver);
        bridge[0].run(System.in, protocolOut);
        Runtime.getRuntime().removeShutdownHook(handOver);
        services.handOver();
        return 0;
    }
}
