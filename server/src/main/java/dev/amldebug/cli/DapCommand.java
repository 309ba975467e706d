package dev.amldebug.cli;

import dev.amldebug.bridge.DapBridge;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.server.debug.DapTargets;
import dev.amldebug.server.run.RunServices;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "dap", mixinStandardHelpOptions = true,
        description = {"Serve the azureml debug adapter on stdin/stdout, for any DAP client.",
                "launch: {\"job\" | \"script\", \"args\", \"experiment\", \"waitTimeout\", \"justMyCode\", \"workspace\"} runs "
                        + "a job or script under the debugger.",
                "attach: {\"runId\"} joins a debug run; {\"host\", \"port\", \"pathMappings\"} joins any debugpy."},
        footer = {"",
                "Examples:",
                "  # A DAP client's adapter command, for the runs of ~/proj",
                "  aml-debug dap --folder ~/proj",
                "  # The same, with the DAP traffic written to a file",
                "  aml-debug dap --folder ~/proj --trace-dap /tmp/dap.log"})
final class DapCommand implements Callable<Integer> {
    @Mixin
    BaseImageOption baseImage;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    TraceDapOption traceDap;

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
        bridge[0] = new DapBridge(targets, traceDap.trace(),
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
