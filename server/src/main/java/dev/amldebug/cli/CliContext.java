package dev.amldebug.cli;

import dev.amldebug.cli.output.OutputOptions;
import dev.amldebug.cli.output.Terminal;
import dev.amldebug.cli.progress.Progress;
import dev.amldebug.cli.progress.StickyLine;
import java.io.PrintWriter;
import dev.amldebug.server.azure.AzureAccess;
import dev.amldebug.runner.docker.LazyDocker;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.server.threads.ServerThreads;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import java.util.Map;

/**
 * What one invocation of the command line shares: its threads and its Docker client. Commands
 * that run containers start opening Docker at once, in the background, while the JVM is still
 * busy parsing the command line: on two cores that hides most of the client's start-up.
 */
final class CliContext implements CommandLine.IFactory {
    private static final Set<String> NEED_DOCKER_AT_ONCE = Set.of("run", "attach", "dap", "deploy");

    private final LazyDocker docker = new LazyDocker();
    private ServerThreads threads;
    private AzureAccess azure;
    private final Map<String, String> environment;
    private final Terminal terminal;
    private final boolean bars;
    private StickyLine stickyErr;

    private CliContext(Map<String, String> environment, Terminal terminal, boolean bars) {
        this.environment = environment;
        this.terminal = terminal;
        this.bars = bars;
    }

    static CliContext forArguments(String... args) {
        return forArguments(System.getenv(), args);
    }

    /** @param environment the variables Azure ML settings come from (the process's, or a test's) */
    static CliContext forArguments(Map<String, String> environment, String... args) {
        Terminal terminal = Terminal.detect(environment, List.of(args));
        CliContext context = new CliContext(environment, terminal,
                Progress.wanted(terminal.stderrIsTerminal(), environment.get("TERM"), List.of(args)));
        if (args.length > 0 && NEED_DOCKER_AT_ONCE.contains(args[0])) {
            context.docker.prefetch(context.threads().blocking());
            context.threads().blocking().execute(RunStore::warmUp);
        }
        return context;
    }

    synchronized ServerThreads threads() {
        if (threads == null) {
            threads = new ServerThreads();
        }
        return threads;
    }

    /** Azure ML, signed in on first use. */
    synchronized AzureAccess azure() {
        if (azure == null) {
            azure = new AzureAccess(environment);
        }
        return azure;
    }

    /** The folder a command works in when --folder is not given: AML_DEBUG_FOLDER, AML_DEBUG_WORKSPACE (its old name), or ".". */
    Path defaultFolder() {
        for (String variable : List.of("AML_DEBUG_FOLDER", "AML_DEBUG_WORKSPACE")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return Path.of(value);
            }
        }
        return Path.of(".");
    }

    /** Whether a person reads stdout and stderr, and whether to colour them. */
    Terminal terminal() {
        return terminal;
    }

    /** The context of the invocation that made {@code command} (its factory). */
    static CliContext of(CommandLine.Model.CommandSpec command) {
        return (CliContext) command.commandLine().getFactory();
    }

    /** Whether progress is drawn as bars on stderr (a person reads it), rather than told in plain lines. */
    boolean bars() {
        return bars;
    }

    /** stderr with room for a bar on its last line; everything the command writes to stderr goes through it. */
    synchronized StickyLine stickyErr() {
        if (stickyErr == null) {
            stickyErr = new StickyLine(System.err);
        }
        return stickyErr;
    }

    /** Long work shown on stderr: bars for a person, else plain lines on {@code err}. */
    Progress progress(PrintWriter err) {
        return bars ? Progress.bars(stickyErr()) : Progress.lines(err);
    }

    LazyDocker docker() {
        return docker;
    }

    /** picocli makes commands and mixins through this: the workspace option gets this context. */
    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == WorkspaceOption.class) {
            return type.cast(new WorkspaceOption(this));
        }
        if (type == AzureOption.class) {
            return type.cast(new AzureOption(this));
        }
        if (type == OutputOptions.class) {
            return type.cast(new OutputOptions(terminal));
        }
        if (type == ProgressDisplay.class) {
            return type.cast(new ProgressDisplay(this));
        }
        if (type == AzureAccount.class) {
            return type.cast(new AzureAccount(this));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
