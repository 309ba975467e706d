package dev.amldebug.azurefake.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/** The docker command line, as the fake's stand-in compute uses it: one call per command, output kept or streamed. */
public final class DockerCli {
    static final Duration ATTACH_GRACE = Duration.ofSeconds(10);
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
     * Starts container {@code name} attached, handing its output to {@code sink} a whole line at a time as it comes;
     * returns its exit code. Standard output and standard error are read apart, each into whole lines, so a line one of
     * them writes in pieces (a traceback's last line) is never split by the other's; their order against each other is
     * not kept, as no pair of pipes keeps it.
     * <p>docker's attach has been seen to hang after its container exited (moby/moby#9860, docker/docker-py#2087), which
     * would leave a job Running for ever: once the engine says the container is no longer running, attach gets
     * {@link #ATTACH_GRACE} to finish, then is stopped, and the exit code is the engine's.
     */
    public int startAttached(String name, Consumer<byte[]> sink) throws IOException {
        List<String> command = new ArrayList<>(List.of(executable, "start", "--attach", name));
        Process process = new ProcessBuilder(command).start();
        Consumer<byte[]> serial = bytes -> {
            synchronized (sink) {
                sink.accept(bytes);
            }
        };
        Thread errors = new Thread(() -> copyLines(process.getErrorStream(), serial), "docker-stderr");
        errors.setDaemon(true);
        errors.start();
        Thread output = new Thread(() -> copyLines(process.getInputStream(), serial), "docker-stdout");
        output.setDaemon(true);
        output.start();
        try {
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                if (ended(name) && !process.waitFor(ATTACH_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    break;
                }
            }
            output.join(TimeUnit.SECONDS.toMillis(30));
            errors.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while container " + name + " ran", e);
        }
        return process.exitValue() == 0 ? 0 : engineExitCode(name, process.exitValue());
    }

    /** Whether the container has stopped or is gone (not merely created and not started yet). */
    private boolean ended(String name) {
        try {
            return Set.of("exited", "dead").contains(run("inspect", "--format", "{{.State.Status}}", name));
        } catch (IOException e) {
            return true;
        }
    }

    /** The container's exit code as the engine has it; attach's own when the container is gone. */
    private int engineExitCode(String name, int attachExit) {
        try {
            return Integer.parseInt(run("inspect", "--format", "{{.State.ExitCode}}", name));
        } catch (IOException | NumberFormatException e) {
            return attachExit;
        }
    }

    /** Whole lines of {@code in} to {@code sink}; a line longer than 64 KB goes in pieces, what is left at the end too. */
    private static void copyLines(InputStream in, Consumer<byte[]> sink) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
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
