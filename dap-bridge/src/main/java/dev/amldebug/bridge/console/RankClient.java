package dev.amldebug.bridge.console;

import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;

/**
 * The events of one rank's session, handed to the console's one queue with the rank they came
 * from. They arrive on lsp4j's thread; the console handles them on its own, where requests may wait.
 */
final class RankClient implements IDebugProtocolClient {
    /** An event of a rank's session. */
    record Event(Rank rank, Object body) {
    }

    /** The rank's session said {@code initialized}: it wants its breakpoints. */
    record Initialized() {
    }

    private final BlockingQueue<Object> queue;
    private final ConsoleOptions options;
    private volatile Rank rank;
    private final String prefix;

    RankClient(BlockingQueue<Object> queue, ConsoleOptions options, String label) {
        this.queue = queue;
        this.options = options;
        this.prefix = "[" + label + "] ";
    }

    /** Before the connection listens: no event comes before its rank is known. */
    void bind(Rank value) {
        rank = value;
    }

    private void add(Object body) {
        queue.add(new Event(rank, body));
    }

    @Override
    public void initialized() {
        add(new Initialized());
    }

    @Override
    public void stopped(StoppedEventArguments args) {
        add(args);
    }

    @Override
    public void continued(ContinuedEventArguments args) {
        add(args);
    }

    @Override
    public void exited(ExitedEventArguments args) {
        add(args);
    }

    @Override
    public void terminated(TerminatedEventArguments args) {
        add(args == null ? new TerminatedEventArguments() : args);
    }

    /** The shim's word on every rank (aml_debug_ranks.py): the hub keeps it too, where the console reads it. */
    @JsonNotification("amlDebugRanks")
    public void ranks(Object body) {
    }

    /** debugpy's own, while a subprocess's server starts. */
    @JsonNotification("debugpyWaitingForServer")
    public void waitingForServer(Object body) {
    }

    @Override
    public void output(OutputEventArguments args) {
        String category = args.getCategory() == null ? "console" : args.getCategory();
        boolean program = category.equals("stdout") || category.equals("stderr");
        if (category.equals("telemetry") || !program || !options.programOutput()) {
            return;
        }
        options.out().print(args.getOutput().lines().map(line -> prefix + line + "\n")
                .collect(Collectors.joining()));
        options.out().flush();
    }
}
