package dev.amldebug.cli;

import static dev.amldebug.runner.testing.DockerResources.docker;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.runner.testing.ImageVariants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** attach RUN on a local run started without --debug: the dormant hook, through the real jar and real debugpy. */
@ExtendWith(DockerResources.class)
class AttachLaterIT {
    /** Waits for the test to write outputs/go; line 5 runs on each turn of the loop. */
    private static final String WAITING = """
            import os
            import time
            ticks = 0
            while not os.path.exists('outputs/go'):
                ticks += 1
                time.sleep(0.05)
            answer = 42
            print('answer', answer)
            """;

    @TempDir
    Path workspace;
    @TempDir
    Path project;

    @AfterAll
    static void removeVariants() {
        ImageVariants.removeAll();
    }

    /** The base image, and images as users bring them: a non-root USER, Python only under /opt/conda. */
    @ParameterizedTest
    @ValueSource(strings = {"", "non-root", "conda-path"})
    void aRunStartedWithoutDebugTakesTheDebuggerWhereItIsAndThenCompletes(String variant) throws Exception {
        Path script = write(project, "wait.py", WAITING);
        JarProcess run = JarProcess.start("run", script.toString(), "--folder", workspace.toString(), "--base-image",
                variant.isEmpty() ? DockerResources.BASE_IMAGE : ImageVariants.image(variant));
        RunRecord running = attachable();

        JarProcess attach = JarProcess.start("attach", running.id, "--folder", workspace.toString(), "--break", "wait.py:5");
        await().atMost(Duration.ofSeconds(90)).until(() -> attach.output().contains("stopped at wait.py:5 in <module>"));
        Files.writeString(new RunStore(workspace).outputs(running.id).resolve("go"), "");

        assertThat(attach.waitFor(120)).as(attach.output()).isZero();
        assertThat(attach.output()).contains("  ticks = ", "exit code: 0");
        assertThat(run.waitFor(120)).as(run.output()).isZero();
        assertThat(run.output()).contains("answer 42");
        RunRecord ended = new RunStore(workspace).read(running.id);
        assertThat(ended.status).isEqualTo(RunStatus.Completed);
        assertThat(ended.exitCode).isZero();
    }

    @Test
    void aRunNobodyAttachesToSeesWhatItWouldSeeWithoutTheHookAndEndsWithItsOwnExitCode() throws Exception {
        write(project, "site/sitecustomize.py", "print('own sitecustomize ran')\n");
        Path script = write(project, "look.py", """
                import os
                import sys
                import threading
                import sitecustomize
                print('path', sys.path[1:])
                print('sitecustomize', getattr(sitecustomize, '__file__', None))
                print('threads', threading.active_count(), [t.name for t in threading.enumerate()])
                print('port variable', 'AML_DEBUG_ATTACH_PORT' in os.environ)
                import socket
                own = socket.socket()
                own.bind(('0.0.0.0', 5678))
                print("debugpy's usual port is free for the script's own debugpy.listen()")
                raise SystemExit(3)
                """);
        Path job = write(project, "job.yml", "command: python3 look.py\nenvironment: {image: " + DockerResources.BASE_IMAGE
                + "}\nenvironment_variables: {PYTHONPATH: /aml/code/site}\n");

        JarProcess run = JarProcess.start("run", job.toString(), "--folder", workspace.toString());

        assertThat(run.waitFor(120)).as(run.output()).isEqualTo(3);
        RunRecord ended = new RunStore(workspace).list().get(0);
        assertThat(ended.status).isEqualTo(RunStatus.Failed);
        assertThat(ended.exitCode).isEqualTo(3);
        String driverLog = Files.readString(new RunStore(workspace).driverLog(ended.id), StandardCharsets.UTF_8);
        assertThat(driverLog).startsWith("own sitecustomize ran\n").isEqualTo(withoutAmlDebug(ended.image, script));
    }

    @Test
    void anImageWithoutDebugpySaysSoInOneSentenceAndTheRunGoesOn() throws Exception {
        Path script = write(project, "wait.py", WAITING);
        JarProcess run = JarProcess.start("run", script.toString(), "--base-image",
                ImageVariants.image("no-debugpy-no-pip"), "--folder", workspace.toString());
        RunRecord running = attachable();

        JarProcess attach = JarProcess.start("attach", running.id, "--folder", workspace.toString());

        assertThat(attach.waitFor(60)).as(attach.output()).isEqualTo(2);
        assertThat(attach.output()).contains("cannot take a debugger: its image has no debugpy")
                .doesNotContain("Exception", "\tat ");
        Files.writeString(new RunStore(workspace).outputs(running.id).resolve("go"), "");
        assertThat(run.waitFor(120)).as(run.output()).isZero();
        assertThat(run.output()).contains("answer 42");
    }

    /** The one run of the workspace, once it runs with its attach endpoint recorded. */
    private RunRecord attachable() {
        RunStore store = new RunStore(workspace);
        return await().atMost(Duration.ofSeconds(120)).until(
                () -> store.list().stream().filter(r -> r.attachEndpoint != null).findFirst().orElse(null),
                record -> record != null);
    }

    /** What the script prints run by the image's Python in a container of our own, with no aml-debug around it. */
    private static String withoutAmlDebug(String image, Path script) throws Exception {
        String container = docker().createContainerCmd(image).withLabels(DockerResources.labels())
                .withEntrypoint("").withCmd("python3", "/aml/code/" + script.getFileName()).withWorkingDir("/aml/code")
                .withEnv("PYTHONUNBUFFERED=1", "PYTHONPATH=/aml/code/site")
                .withHostConfig(HostConfig.newHostConfig().withBinds(
                        new Bind(script.getParent().toString(), new Volume("/aml/code"), AccessMode.ro)))
                .exec().getId();
        docker().startContainerCmd(container).exec();
        assertThat(docker().waitContainerCmd(container).start().awaitStatusCode(60, TimeUnit.SECONDS)).isEqualTo(3);
        return new String(new dev.amldebug.runner.run.RunContainers(docker()).logs(container), StandardCharsets.UTF_8);
    }
}
