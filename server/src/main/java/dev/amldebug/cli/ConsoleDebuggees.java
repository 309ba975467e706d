package dev.amldebug.cli;

import dev.amldebug.azure.TransferListener;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.cli.output.Terminal;
import dev.amldebug.errors.Sentences;
import dev.amldebug.server.azure.GuideAttach;
import dev.amldebug.server.jobs.Debuggee;
import dev.amldebug.server.jobs.Debuggees;
import dev.amldebug.server.jobs.JobHub;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The console's side of a submitted job: the job service's lines printed; each process that waits for a debugger
 * attached in turn on the calling thread (the console has one terminal), with the address policy held and the local
 * code folder mapped to the working directory the shim reported; a connect-back hub's ranks taken as they join.
 * A watch that fails fails the command, once the others ended.
 */
final class ConsoleDebuggees implements Debuggees {
    private static final Debuggee WATCHES_ENDED = new Debuggee(null, null, null, null);

    private final PrintWriter out;
    private final ConsoleDebugOptions console;
    private final ExecutorService executor;
    private final Terminal terminal;
    private final LinkedBlockingQueue<Debuggee> waiting = new LinkedBlockingQueue<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private volatile Future<?> ranks;
    private final TransferListener transfers;
    private String lastSaid;

    /** @param transfers hears the bytes of the submit's uploads */
    ConsoleDebuggees(PrintWriter out, ConsoleDebugOptions console, ExecutorService executor, Terminal terminal,
                     TransferListener transfers) {
        this.out = out;
        this.console = console;
        this.executor = executor;
        this.terminal = terminal;
        this.transfers = transfers;
    }

    @Override
    public TransferListener transfers() {
        return transfers;
    }

    @Override
    public void ready(Debuggee debuggee) {
        waiting.add(debuggee);
    }

    @Override
    public void hub(JobHub hub) {
        ranks = executor.submit(() -> {
            try {
                ConsoleAttach.debugRanks(hub.hub(), hub.mappings(), !console.allCode, hub.codeFolder(), console.breakpoints,
                        hub.processes(), console.stopAll.stopAll, console.trace(), executor, terminal);
            } catch (Exception e) {
                say("aml-debug: the console debugger stopped: " + Sentences.of(e));
            }
            return null;
        });
    }

    @Override
    public synchronized void say(String line) {
        lastSaid = line;
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void warn(String sentence) {
        if (!sentence.equals(lastSaid)) {
            say("aml-debug: " + sentence);
        }
    }

    @Override
    public void failed(String named, RuntimeException error) {
        synchronized (failures) {
            failures.add(error);
        }
    }

    /** Attaches to each debuggee as it comes, until {@code watching} is done and none is left. */
    void attachUntil(CompletableFuture<Void> watching) throws Exception {
        watching.whenComplete((done, error) -> waiting.add(WATCHES_ENDED));
        for (Debuggee next = waiting.take(); next != WATCHES_ENDED; next = waiting.take()) {
            attach(next);
        }
        synchronized (failures) {
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }
    }

    /** After the job ended: the hub's ranks have a moment to say their last. */
    void awaitRanks() throws InterruptedException {
        if (ranks != null) {
            try {
                ranks.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // The job has ended; the console has nothing left to show.
            }
        }
    }

    private void attach(Debuggee debuggee) throws Exception {
        BridgeTarget target = debuggee.target(console.allowPublic, console.allCode);
        String who = (debuggee.step() == null ? "job " + debuggee.runId() : "step " + debuggee.step())
                + (debuggee.process().isEmpty() ? "" : " " + debuggee.process());
        say("debugpy: " + target.address() + " (" + who + ", run " + debuggee.runId() + ", pid "
                + debuggee.pid() + "); attaching...");
        OptionalInt exitCode;
        try {
            exitCode = ConsoleAttach.debug(target, debuggee.codeFolder(), console.breakpoints, true, console.trace(), executor,
                    terminal);
        } catch (Exception e) {
            if (ConsoleAttach.unreachable(e)) {
                throw GuideAttach.unreachable(target);
            }
            throw e;
        }
        exitCode.ifPresent(code -> say(who + " exit code: " + code));
    }
}
