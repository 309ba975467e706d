package dev.amldebug.azure;

import com.azure.core.http.HttpMethod;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.RestResponse;
import dev.amldebug.azure.http.What;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import com.azure.core.http.HttpHeaderName;
import java.util.Arrays;

/**
 * A job's log files, read with HTTP Range requests for the new bytes only (416: nothing new). While the job
 * runs it polls with backoff (0.5 s doubling to 5 s, back to 0.5 s when bytes arrive); once the job has ended,
 * one last read catches what was written before the end.
 */
public final class JobLogs {
    /** How much of a log one request reads. */
    static final int CHUNK = 4 * 1024 * 1024;
    static final String[] LOG_FOLDERS = {"user_logs/", "azureml-logs/", "logs/"};
    private final WorkspaceId id;
    private final AzureMlClient client;
    private final DataPlane dataPlane;
    private final AtomicLong bytesRead = new AtomicLong();

    JobLogs(WorkspaceId id, AzureMlClient client, DataPlane dataPlane) {
        this.id = id;
        this.client = client;
        this.dataPlane = dataPlane;
    }

    /** The run's logFiles, else the artifacts under user_logs/, azureml-logs/ and logs/. */
    public List<LogFile> files(String jobName) {
        return files(jobName, details(jobName));
    }

    /**
     * Prints the selected logs through {@code sink} (following them while the job runs, with {@code follow}).
     *
     * @return whether any log was there to read: false means the job has no such log yet
     */
    public boolean follow(String jobName, LogSelection which, boolean follow, LogSink sink, BooleanSupplier cancelled) {
        List<String> defaults = which.all() || which.file() != null || which.rank() != null ? LogChoice.COMMAND_LOGS : defaultLogs(jobName);
        boolean found = false;
        Map<String, Long> offsets = new HashMap<>();
        Map<String, LineSplitter> splitters = new HashMap<>();
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
        boolean ended = false;
        while (!cancelled.getAsBoolean()) {
            RunDetails details = details(jobName);
            boolean lastRound = !follow || ended;
            List<LogFile> selected = LogChoice.select(jobName, files(jobName, details), which, defaults, lastRound);
            found |= !selected.isEmpty();
            if (!found && !lastRound) {
                sink.waiting(details.status());
            }
            long before = bytesRead.get();
            for (LogFile file : selected) {
                readNew(file, which, offsets, splitters.computeIfAbsent(file.name(), name -> new LineSplitter()), sink);
            }
            if (lastRound) {
                for (LogFile file : selected) {
                    String rest = splitters.computeIfAbsent(file.name(), name -> new LineSplitter()).flush();
                    if (!rest.isEmpty()) {
                        sink.lines(LogChoice.source(file, which), rest);
                    }
                }
                return found;
            }
            ended = details.status().terminal();
            if (bytesRead.get() > before) {
                backoff.reset();
            }
            if (!ended) {
                sleepUnlessCancelled(backoff.next(), cancelled);
            }
        }
        return found;
    }

    /** The logs a job's type writes its story to; a step (a command) or a job ARM does not describe: a command's. */
    private List<String> defaultLogs(String jobName) {
        String type = new Jobs(id, client, dataPlane).get(jobName).jobType();
        return LogChoice.defaults(type);
    }

    /** Bytes received from log files since this client was made (for tests and the benchmark). */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** Reads what is new of a log, {@link #CHUNK} bytes at a time: a 200 MB log never sits in memory whole. */
    private void readNew(LogFile file, LogSelection which, Map<String, Long> offsets, LineSplitter splitter, LogSink sink) {
        while (readChunk(file, which, offsets, splitter, sink) == CHUNK) {
            // A whole chunk came: there may be more.
        }
    }

    /** One chunk from where we were; how many new bytes it held. */
    private int readChunk(LogFile file, LogSelection which, Map<String, Long> offsets, LineSplitter splitter,
                          LogSink sink) {
        long offset = offsets.getOrDefault(file.name(), 0L);
        RestResponse response = client.plain().send(HttpMethod.GET, file.url(), null,
                Map.of("Range", "bytes=" + offset + "-" + (offset + CHUNK - 1)),
                What.of("log " + file.name(), "`aml-debug azure jobs logs JOB --all`"), 404, 416);
        if (response.status() == 416 && offset > 0 && sizeBelow(file, response, offset)) {
            // The blob shrank: it was truncated or written anew. Read it again from its start, and say so.
            offsets.put(file.name(), 0L);
            splitter.reset();
            sink.lines(LogChoice.source(file, which), "(" + file.name() + " was truncated or rewritten; reading it again from"
                    + " the start)\n");
            return CHUNK;
        }
        if (response.status() == 404 || response.status() == 416) {
            return 0;
        }
        byte[] body = response.body();
        bytesRead.addAndGet(body.length);
        // A server that ignores Range answers 200 with the whole file: keep only what is new (all of it, if shorter).
        byte[] fresh = response.status() == 200 && offset > 0 && offset <= body.length
                ? Arrays.copyOfRange(body, (int) offset, body.length) : body;
        if (response.status() == 200 && offset > body.length) {
            offset = 0;
        }
        offsets.put(file.name(), offset + fresh.length);
        String lines = splitter.feed(fresh);
        if (!lines.isEmpty()) {
            sink.lines(LogChoice.source(file, which), lines);
        }
        return response.status() == 200 ? 0 : fresh.length;
    }

    /**
     * Whether the blob is now shorter than where we were: from the 416's Content-Range total ({@code bytes *}, a slash,
     * the size) when it gives one, else from a HEAD's Content-Length.
     */
    private boolean sizeBelow(LogFile file, RestResponse response, long offset) {
        String range = header(response, "Content-Range");
        if (range != null && range.matches("bytes \\*/\\d{1,18}")) {
            return Long.parseLong(range.substring(range.indexOf('/') + 1)) < offset;
        }
        RestResponse head = client.plain().send(HttpMethod.HEAD, file.url(), null, Map.of(),
                What.of("log " + file.name(), "`aml-debug azure jobs logs JOB --all`"), 404);
        String length = header(head, "Content-Length");
        return head.status() == 200 && length != null && length.matches("\\d{1,18}") && Long.parseLong(length) < offset;
    }

    private static String header(RestResponse response, String name) {
        return response.headers() == null ? null
                : response.headers().getValue(HttpHeaderName.fromString(name));
    }

    private RunDetails details(String jobName) {
        return RunDetails.of(dataPlane.rest().get(dataPlane.runHistory("/runs/" + DataPlane.encode(jobName) + "/details"),
                What.of("job " + jobName + " in workspace " + id.workspaceName(), "`aml-debug azure jobs list`")));
    }

    private List<LogFile> files(String jobName, RunDetails details) {
        if (!details.logFiles().isEmpty()) {
            return details.logFiles();
        }
        Artifacts artifacts = new Artifacts(dataPlane);
        List<LogFile> files = new ArrayList<>();
        for (String folder : LOG_FOLDERS) {
            files.addAll(artifacts.list(jobName, folder,
                    What.of("the logs of job " + jobName + " in workspace " + id.workspaceName(), "`aml-debug azure jobs list`")));
        }
        return files;
    }

    private static void sleepUnlessCancelled(Duration wait, BooleanSupplier cancelled) {
        long end = System.nanoTime() + wait.toNanos();
        while (!cancelled.getAsBoolean() && System.nanoTime() < end) {
            Backoff.sleep(Duration.ofNanos(Math.min(100_000_000L, Math.max(0, end - System.nanoTime()))));
        }
    }
}
