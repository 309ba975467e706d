package dev.amldebug.server.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts {@code aml-debug runs follow-detached RUN} as a process of its own, in a session of its own
 * (setsid), so that it outlives this process, the terminal and Ctrl-C, and ends the run's
 * container when the run ends.
 */
final class BackgroundFollowers {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundFollowers.class);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private BackgroundFollowers() {
    }

    static void start(Path workspace, String runId, Path log) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.amldebug.cli.Main", "runs",
                "follow-detached", runId, "--folder", workspace.toString()));
        try {
            new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            LOG.warn("Run {} will get its end recorded when this workspace is next opened: {}", runId, e.getMessage());
        }
    }
}
