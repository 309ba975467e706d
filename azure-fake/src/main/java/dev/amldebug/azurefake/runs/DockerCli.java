package dev.amldebug.azurefake.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The docker command line, as the fake's stand-in compute uses it: one call per command, output kept or streamed. */
public final class DockerCli {
    private final String executable;

    public DockerCli(String executable) {
        this.executable = executable;
    }

    /** Runs {@code docker ARGS}, returns its trimmed output, and fails with that output on a non-zero exit. */
    public String run(String... args) throws IOException {
        Process process = start(args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = waitFor(process);
        if (exit != 0) {
            throw new IOException("docker " + String.join(" ", args) + " failed (exit " + exit + "): " + output);
        }
        return output;
    }

    /**
     * Runs {@code docker ARGS}, handing its output to {@code sink} a whole line at a time as it comes; returns the exit
     * code. Standard output and standard error are read apart, each into whole lines, so a line one of them writes in
     * pieces (a traceback's last line) is never split by the other's; their order against each other is not kept,
     * as no pair of pipes keeps it.
     */
    public int stream(Consumer<byte[]> sink, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        Consumer<byte[]> serial = bytes -> {
            synchronized (sink) {
                sink.accept(bytes);
            }
        };
        Thread errors = new Thread(() -> copyLines(process.getErrorStream(), serial), "docker-stderr");
        errors.setDaemon(true);
        errors.start();
        copyLines(process.getInputStream(), serial);
        try {
            errors.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return waitFor(process);
    }

    /** Whole lines of {@code in} to {@code sink}; a line longer than 64 KB goes in pieces, what is left at the end too. */
    private static void copyLines(InputStream in, Consumer<byte[]> sink) {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i + 1 - start);
                        sink.accept(line.toByteArray());
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(buffer, start, n - start);
                if (line.size() > 64 * 1024) {
                    sink.accept(line.toByteArray());
                    line.reset();
                }
            }
        } catch (IOException e) {
            // The process ended or was stopped: what was read is kept below.
        }
        if (line.size() > 0) {
            sink.accept(line.toByteArray());
        }
    }

    /** Runs {@code docker ARGS} and ignores a failure (for cleanup of what may be gone already). */
    public void quietly(String... args) {
        try {
            run(args);
        } catch (IOException e) {
            // Removing what is already gone is not a problem for a cleanup.
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int waitFor(Process process) throws IOException {
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("docker did not finish within 10 minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while docker ran", e);
        }
    }
}
