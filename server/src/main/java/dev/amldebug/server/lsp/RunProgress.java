package dev.amldebug.server.lsp;

import dev.amldebug.runner.run.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * $/progress for one run, driven by its events: building the image (n% from the build's steps),
 * starting the container, then waiting for a debugger with the seconds left; it ends once the
 * script runs, a debugger attached, or the run ended.
 */
final class RunProgress {
    private final AmlLanguageClient client;
    private final ScheduledExecutorService scheduler;
    private final Either<String, Integer> token = Either.forLeft("azureml-run-" + UUID.randomUUID());
    private RunEvent.WaitingForDebugger waiting;
    private Instant waitingSince;
    private ScheduledFuture<?> ticking;
    private boolean ended;

    RunProgress(AmlLanguageClient client, ScheduledExecutorService scheduler, String runId) {
        this.client = client;
        this.scheduler = scheduler;
        client.createProgress(new WorkDoneProgressCreateParams(token));
        WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
        begin.setTitle("Azure ML run " + runId);
        begin.setMessage("preparing the environment");
        begin.setCancellable(false);
        begin.setPercentage(0);
        notify(begin);
    }

    synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.ImageBuildStep step) {
            report("building image", 100 * step.step() / step.total());
        } else if (event instanceof RunEvent.ImageReused) {
            report("reusing the cached image", 100);
        } else if (event instanceof RunEvent.WaitingForDebugger wait) {
            waiting = wait;
        } else if (event instanceof RunEvent.ContainerStarted) {
            startedContainer();
        } else if (event instanceof RunEvent.DebuggerAttached) {
            end();
        }
    }

    private void startedContainer() {
        if (waiting == null) {
            end();
            return;
        }
        waitingSince = Instant.now();
        report("starting container", 100);
        ticking = scheduler.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void tick() {
        long left = waiting.timeoutSeconds() - Duration.between(waitingSince, Instant.now()).toSeconds();
        report("waiting for debugger, " + Math.max(left, 0) + " s left", 100);
    }

    private void report(String message, int percentage) {
        if (ended) {
            return;
        }
        WorkDoneProgressReport report = new WorkDoneProgressReport();
        report.setMessage(message);
        report.setPercentage(percentage);
        notify(report);
    }

    synchronized void end() {
        if (!ended) {
            ended = true;
            if (ticking != null) {
                ticking.cancel(false);
            }
            notify(new WorkDoneProgressEnd());
        }
    }

    private void notify(WorkDoneProgressNotification value) {
        client.notifyProgress(new ProgressParams(token, Either.forLeft(value)));
    }
}
