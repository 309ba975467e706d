package dev.amldebug.server.lsp;

import dev.amldebug.runner.debug.DebugOptions;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * $/progress for one run: building the image (n% from the build's steps), starting the
 * container, then waiting for a debugger with the seconds left; it ends once the script runs.
 */
final class RunProgress {
    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) :");
    private static final java.util.concurrent.ScheduledExecutorService TICKER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "progress-ticker");
                thread.setDaemon(true);
                return thread;
            });

    private final AmlLanguageClient client;
    private final Either<String, Integer> token = Either.forLeft("azureml-run-" + UUID.randomUUID());
    private final DebugOptions debug;
    private Instant waitingSince;
    private java.util.concurrent.ScheduledFuture<?> ticking;
    private boolean ended;

    RunProgress(AmlLanguageClient client, String runId, DebugOptions debug) {
        this.client = client;
        this.debug = debug;
        client.createProgress(new WorkDoneProgressCreateParams(token));
        WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
        begin.setTitle("Azure ML run " + runId);
        begin.setMessage("preparing the environment");
        begin.setCancellable(false);
        begin.setPercentage(0);
        notify(begin);
    }

    synchronized void controlLine(String line) {
        Matcher step = STEP.matcher(line);
        if (step.find()) {
            report("building image", 100 * Integer.parseInt(step.group(1)) / Integer.parseInt(step.group(2)));
        } else if (line.startsWith("Reusing image")) {
            report("reusing the cached image", 100);
        } else if (line.startsWith("Started container")) {
            if (debug == null || debug.noWait()) {
                end();
            } else {
                waitingSince = Instant.now();
                report("starting container", 100);
                ticking = TICKER.scheduleAtFixedRate(this::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    synchronized void driverOutput(String text) {
        if (text.contains("Debugger attached")) {
            end();
        }
    }

    private synchronized void tick() {
        long left = debug.waitTimeoutSeconds() - java.time.Duration.between(waitingSince, Instant.now()).toSeconds();
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

    private void notify(org.eclipse.lsp4j.WorkDoneProgressNotification value) {
        client.notifyProgress(new ProgressParams(token, Either.forLeft(value)));
    }
}
