package dev.amldebug.azurefake.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Runs {@code docker ARGS}, handing each chunk of output to {@code sink} as it comes; returns the exit code. */
    public int stream(Consumer<byte[]> sink, String... args) throws IOException {
        Process process = start(args);
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sink.accept(Arrays.copyOf(buffer, n));
            }
        }
        return waitFor(process);
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
