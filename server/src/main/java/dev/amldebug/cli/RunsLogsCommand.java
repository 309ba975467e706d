package dev.amldebug.cli;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print a run's driver log (the script's output), or its control log with --control.",
        footer = {"", "Examples:",
                "  aml-debug runs logs digits_1732438000_a1b2c3d4",
                "  aml-debug runs logs digits_1732438000_a1b2c3d4 --follow",
                "  aml-debug runs logs digits_1732438000_a1b2c3d4 --control"})
final class RunsLogsCommand implements Callable<Integer> {
    private static final long POLL_MILLIS = 200;

    @Parameters(paramLabel = "RUN", description = "The run id.")
    String runId;

    @Option(names = {"-f", "--follow"}, description = "Keep printing as the log grows, until the run ends.")
    boolean follow;

    @Option(names = "--control", description = "The control log (image build, container lifecycle) instead.")
    boolean control;

    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
        RunStore store = workspace.store();
        RunRecord record = store.read(runId);
        Path file = control ? store.controlLog(runId) : store.driverLog(runId);
        if (follow && record.isActive() && record.detached && !control) {
            return followContainer(store);
        }
        long offset = print(file, 0);
        while (follow && store.read(runId).isActive()) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            offset = print(file, offset);
        }
        print(file, offset);
        return 0;
    }

    /** A detached run writes no driver log until it is reconciled: read the container's output directly. */
    private int followContainer(RunStore store) throws Exception {
        RunContainers containers = new RunContainers(workspace.docker());
        Optional<Container> container = containers.find(runId);
        if (container.isPresent()) {
            workspace.docker().logContainerCmd(container.get().getId()).withStdOut(true).withStdErr(true)
                    .withFollowStream(true).exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            System.out.write(frame.getPayload(), 0, frame.getPayload().length);
                            System.out.flush();
                        }
                    }).awaitCompletion();
        }
        workspace.reconcile(new java.io.PrintWriter(System.err, true));
        return 0;
    }

    private static long print(Path file, long offset) throws IOException {
        if (!Files.exists(file)) {
            return offset;
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(offset, Files.size(file)));
            byte[] bytes = in.readAllBytes();
            PrintStream out = System.out;
            out.write(bytes);
            out.flush();
            return offset + bytes.length;
        }
    }
}
