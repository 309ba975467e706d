package dev.amldebug.cli;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print a run's driver log (the script's output), or its control log with --control.",
                "A distributed run's driver log has every rank's lines, prefixed [rank N]; --rank N prints one "
                        + "rank's log (user_logs/std_log_process_N.txt), --all every rank's log, prefixed."},
        footer = {"",
                "Examples:",
                "  # Follow a run's log until it ends",
                "  aml-debug runs logs digits_1732438000_a1b2c3d4 --follow",
                "  # What aml-debug did: image build, container, debugger",
                "  aml-debug runs logs digits_1732438000_a1b2c3d4 --control",
                "  # One rank of a distributed run",
                "  aml-debug runs logs distributed_1732438000_a1b2c3d4 --rank 3 --follow"})
final class RunsLogsCommand implements Callable<Integer> {
    private static final long POLL_MILLIS = 200;

    @Parameters(paramLabel = "RUN", description = "The run id.")
    String runId;

    @Option(names = {"-f", "--follow"}, description = "Keep printing as the log grows, until the run ends.")
    boolean follow;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--control", description = "The control log (image build, container lifecycle) instead.")
        boolean control;

        @Option(names = "--rank", paramLabel = "N", description = "Distributed runs: the log of process rank N.")
        Integer rank;

        @Option(names = "--all", description = "Distributed runs: every rank's log, each line prefixed [rank N].")
        boolean all;
    }

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    ProgressDisplay progressDisplay;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        RunStore store = workspace.store();
        RunRecord record = store.read(runId);
        boolean detachedRanks = follow && record.kind == RunKind.distributed && record.detached && !which.control;
        if (which.rank != null || which.all || detachedRanks) {
            return printRanks(store, record);
        }
        Path file = which.control ? store.controlLog(runId) : store.driverLog(runId);
        if (follow && record.isActive() && record.detached && !which.control) {
            return followContainer(store);
        }
        try (LogWait wait = new LogWait(progressDisplay.progress(), "Waiting for run " + runId + " to write its log")) {
            long offset = 0;
            RunRecord now = record;
            while (follow && now.isActive()) {
                if (offset == 0 && !hasBytes(file)) {
                    wait.stillWaiting(now.status);
                } else {
                    wait.close();
                    offset = print(file, offset);
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
                now = store.read(runId);
            }
            wait.close();
            print(file, offset);
        }
        return 0;
    }

    /** Rank logs are written by the node containers themselves: they grow whether or not anyone follows the run. */
    private int printRanks(RunStore store, RunRecord record) throws InterruptedException {
        if (record.kind != RunKind.distributed) {
            throw AmlDebugException.badInput("Run " + runId + " is not a distributed run; --rank and --all are for jobs"
                    + " with a distribution. Its log: aml-debug runs logs " + runId);
        }
        int count = record.distributed().ranks();
        if (which.rank != null && (which.rank < 0 || which.rank >= count)) {
            throw AmlDebugException.badInput("Run " + runId + " has ranks 0 to " + (count - 1) + "; choose one"
                    + " of them with --rank, or print them all with --all.");
        }
        List<Integer> ranks = which.rank != null ? List.of(which.rank) : IntStream.range(0, count).boxed().toList();
        RankLogPrinter printer = new RankLogPrinter(store, runId, ranks, command.commandLine().getOut());
        while (follow && store.read(runId).isActive()) {
            printer.print(false);
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        printer.print(true);
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
        workspace.reconcile(new PrintWriter(System.err, true));
        return 0;
    }

    private static boolean hasBytes(Path file) throws IOException {
        return Files.exists(file) && Files.size(file) > 0;
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
