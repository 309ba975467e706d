package dev.amldebug.runner.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Path;

/**
 * A container that exits while it starts (an image without Python, a user it cannot run as, a bad entrypoint) is
 * reported as what it is: "the container exited with code N during start-up", with the last lines of its output, which
 * the run's driver log keeps whole. The ports of a dead container are never looked at.
 */
final class StartupCheck {
    static final int TAIL_LINES = 15;

    private final DockerClient docker;
    private final RunStore store;

    StartupCheck(DockerClient docker, RunStore store) {
        this.docker = docker;
        this.store = store;
    }

    /** The container's state, once it is known to run; otherwise its output goes to the driver log and this throws. */
    InspectContainerResponse running(String runId, String containerId) {
        InspectContainerResponse inspected = docker.inspectContainerCmd(containerId).exec();
        if (Boolean.TRUE.equals(inspected.getState().getRunning())) {
            return inspected;
        }
        int exitCode = docker.waitContainerCmd(containerId).start().awaitStatusCode();
        String output = output(containerId);
        try {
            Files.writeString(store.driverLog(runId), output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + store.driverLog(runId), e);
        }
        store.update(runId, r -> r.exitCode = exitCode);
        throw AmlDebugException.environment(message(exitCode, output), null);
    }

    static String message(int exitCode, String output) {
        List<String> lines = Arrays.stream(output.split("\r?\n")).filter(line -> !line.isBlank()).toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        return "The container exited with code " + exitCode + " during start-up"
                + (tail.isEmpty() ? ", and wrote nothing." : "; its last lines:\n  " + String.join("\n  ", tail));
    }

    /**
     * Whether the debug shim got as far as saying where it listens (or that debugpy is missing): a debug run that
     * failed before that failed during start-up.
     */
    static boolean shimStarted(Path driverLog) {
        String output = read(driverLog);
        return output.contains("AML_DEBUG_ENDPOINT ") || output.contains("aml_debug_shim:");
    }

    static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String output(String containerId) {
        try {
            return new String(new RunContainers(docker).logs(containerId), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
