package dev.amldebug.bridge.console;

import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.bridge.hub.Debuggee;
import dev.amldebug.errors.AmlDebugException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * The console debugger for many ranks at once: one session per rank, their events and the user's
 * lines handled in turn on one thread. Each stop names its rank ({@code rank 3 stopped at
 * train.py:40 in main}); the prompt acts on the current rank, and {@code ranks}, {@code rank N}
 * and {@code c all} act across them (see {@link RankCommands}). Without a terminal, every stop is
 * printed with its locals and continued. With the hub's stop-the-world, a rank that another one's stop paused says
 * so ({@code rank 0 paused at train.py:9 in loop (stop-the-world)}).
 */
public final class RankConsole {
    /** No more ranks will join: the console ends once every rank has. */
    private record NoMore() {
    }

    /** The user's input ended (end of file): from now on every stop is printed and continued. */
    private record EndOfInput() {
    }

    private final ConsoleOptions options;
    private final Executor executor;
    private final DebugHub hub;
    private final ConsoleInput input;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Ranks ranks = new Ranks();
    private final RankCommands commands;
    private volatile boolean noMore;
    private OptionalInt exitCode = OptionalInt.empty();

    public RankConsole(ConsoleOptions options, Executor executor, DebugHub hub) {
        this.options = options;
        this.executor = executor;
        this.hub = hub;
        this.input = new ConsoleInput(options.in(), executor);
        this.commands = new RankCommands(ranks, options, hub);
    }

    /** A rank's session, over a DAP connection to its bridge; call from any thread but the console's. */
    public void add(Debuggee debuggee, InputStream fromAdapter, OutputStream toAdapter) throws Exception {
        RankClient client = new RankClient(queue, options, debuggee.label());
        Launcher<IDebugProtocolServer> launcher = DSPLauncher.createClientLauncher(client, fromAdapter, toAdapter);
        IDebugProtocolServer server = launcher.getRemoteProxy();
        Rank rank = new Rank(debuggee, new Session(server, options, input));
        client.bind(rank);
        ranks.add(rank);
        launcher.startListening();
        AdapterAnswer.await(server.initialize(ConsoleDebugger.initializeArguments()));
        server.attach(options.attachArguments());
    }

    public void noMoreRanks() {
        noMore = true;
        queue.add(new NoMore());
    }

    /** Debugs until every rank has ended and no more will come, or the user quits. */
    public OptionalInt run() throws Exception {
        if (options.interactive()) {
            executor.execute(this::forwardInput);
        }
        try {
            while (!(noMore && ranks.allEnded())) {
                Object item = queue.take();
                if (item instanceof RankClient.Event event) {
                    handle(event.rank(), event.body());
                } else if (item instanceof String line && !commands.execute(line)) {
                    break;
                } else if (item instanceof EndOfInput) {
                    commands.inputEnded();
                }
            }
        } finally {
            input.sessionEnded();
            ranks.all().forEach(rank -> rank.session.detach());
        }
        return exitCode;
    }

    private void handle(Rank rank, Object event) throws Exception {
        if (event instanceof RankClient.Initialized) {
            rank.running();
            rank.session.configure();
        } else if (event instanceof StoppedEventArguments stopped) {
            stop(rank, stopped.getThreadId() == null ? 0 : stopped.getThreadId(), stopped.getReason());
        } else if (event instanceof ContinuedEventArguments) {
            rank.running();
        } else if (event instanceof ExitedEventArguments exited) {
            exitCode = exitCode.isPresent() && exitCode.getAsInt() != 0 ? exitCode : OptionalInt.of(exited.getExitCode());
        } else if (event instanceof TerminatedEventArguments && rank.state() != Rank.State.ENDED) {
            rank.ended();
            commands.newLineAfterPrompt();
            options.out().println(rank.label() + " ended");
            commands.currentMayHaveMoved();
        }
    }

    private void stop(Rank rank, int thread, String reason) throws Exception {
        StackFrame[] frames;
        try {
            frames = rank.session.stack(thread);
        } catch (AmlDebugException e) {
            // Paused by the world an instant before the world went on, and gone since: nothing to show.
            return;
        }
        if (frames.length == 0) {
            rank.session.resume(thread, "c");
            return;
        }
        rank.stopped(thread, frames[0]);
        commands.newLineAfterPrompt();
        boolean byWorld = "pause".equals(reason) && hub.stopsAllRanks();
        options.out().println(options.stopLine().apply(rank.label() + (byWorld ? " paused at " : " stopped at ")
                + Location.of(frames[0], options.codeDir()) + " in " + frames[0].getName()
                + (byWorld ? " (stop-the-world)" : "")));
        commands.stopped(rank, byWorld);
    }

    /** The user's lines join the ranks' events, so that a stop can be told while the prompt waits. */
    private void forwardInput() {
        try {
            String line;
            while ((line = input.nextLine()) != null) {
                queue.add(line);
            }
            queue.add(new EndOfInput());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
