package dev.amldebug.cli;

import static dev.amldebug.runner.testing.Projects.read;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.runner.run.DeploymentHealth;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.runner.testing.FailingScript;
import dev.amldebug.runner.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DockerResources.class)
class RunCommandIT {
    private static final Pattern RUN_ID = Pattern.compile("run: (\\S+)");

    @TempDir
    Path workspace;
    @TempDir
    Path project;

    private static String runId(String out) {
        Matcher matcher = RUN_ID.matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return matcher.group(1);
    }

    @Test
    void runsTheExampleJobPrintingRunIdDriverLogAndWhereThingsLanded() {
        Cli cli = Cli.run("run", "../examples/digits/job.yml", "--folder", workspace.toString());

        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).startsWith("run: digits_").contains("epoch 1: ").contains("final test_accuracy=");
        String id = runId(cli.out);
        RunStore store = new RunStore(workspace);
        assertThat(cli.err).contains("Completed (exit code 0)").contains("outputs: " + store.outputs(id));
        assertThat(store.outputs(id).resolve("metrics.json")).exists();
    }

    @Test
    void scriptExitCodeIsTheCliExitCode() {
        Path script = write(project, "fail.py", "raise SystemExit(7)\n");
        Cli cli = Cli.run("run", script.toString(), "--folder", workspace.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(7);
        assertThat(cli.err).contains("Failed (exit code 7)");
    }

    @Test
    void postMortemShowsWhereTheScriptFailedWithTheLocalsThenExitsWithItsCode() throws Exception {
        Path script = write(project, "train.py", FailingScript.DIVIDE);
        JarProcess jar = JarProcess.start("run", script.toString(), "--post-mortem", "--folder", workspace.toString());
        assertThat(jar.waitFor(180)).as(jar.output()).isEqualTo(1);
        assertThat(jar.output()).contains("Waiting for a debugger to inspect " + FailingScript.EXCEPTION,
                "post-mortem: " + runId(jar.output()) + " raised " + FailingScript.EXCEPTION, "stopped at train.py:2 in divide",
                "  count = 0", "  total = 0.75", "exit code: 1", "line 2, in divide");
        assertThat(jar.output().indexOf("stopped at train.py:2")).isLessThan(jar.output().indexOf("Traceback"));
    }

    @Test
    void scriptArgumentsAfterDoubleDashReachTheScript() {
        Path script = write(project, "args.py", "import sys\nprint('args:', sys.argv[1:])\n");
        Cli cli = Cli.run("run", script.toString(), "--folder", workspace.toString(), "--", "--epochs", "3");
        assertThat(cli.out).as(cli.toString()).contains("args: ['--epochs', '3']");
    }

    @Test
    void detachedRunIsListedFollowedAndCancelledWithItsLogsKept() {
        Path script = write(project, "long.py", "import time\nprint('working', flush=True)\ntime.sleep(300)\n");
        Cli started = Cli.run("run", script.toString(), "--folder", workspace.toString(), "--detach");
        assertThat(started.exitCode).as(started.toString()).isZero();
        String id = runId(started.out);
        assertThat(started.err).contains("runs logs " + id + " --follow");

        assertThat(Cli.run("runs", "list", "--folder", workspace.toString()).out).contains(id).contains("Running");
        Cli cancel = Cli.run("runs", "cancel", id, "--folder", workspace.toString());
        assertThat(cancel.exitCode).as(cancel.toString()).isZero();
        assertThat(cancel.out).contains("Canceled");

        RunStore store = new RunStore(workspace);
        assertThat(store.read(id).status).isEqualTo(RunStatus.Canceled);
        assertThat(read(store.driverLog(id))).contains("working");
        assertThat(Cli.run("runs", "show", id, "--folder", workspace.toString()).out)
                .contains("\"status\" : \"Canceled\"").contains("driver log:");
        assertThat(Cli.run("runs", "cancel", id, "--folder", workspace.toString()).out).contains("already ended");
    }

    @Test
    void ctrlCCancelsTheRunAndKeepsItsLogs() throws Exception {
        Path script = write(project, "long.py", "import time\nprint('started', flush=True)\ntime.sleep(300)\n");
        Process cli = JarProcess.builder("run", script.toString(), "--folder", workspace.toString()).redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                cli.getInputStream().transferTo(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        synchronized (output) {
                            output.append((char) b);
                        }
                    }
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            synchronized (output) {
                return output.toString().contains("started");
            }
        });

        new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();
        int exit = cli.waitFor();
        reader.join();

        String id = runId(output.toString());
        RunStore store = new RunStore(workspace);
        assertThat(exit).as(output.toString()).isNotZero();
        assertThat(output.toString()).contains("Canceling run " + id);
        assertThat(store.read(id).status).isEqualTo(RunStatus.Canceled);
        assertThat(read(store.driverLog(id))).contains("started");
    }

    @Test
    void verboseNeverShowsAnEnvironmentValueButNamesTheVariables() throws Exception {
        write(project, "t.py", "import os\nprint('token length', len(os.environ['TOKEN']))\n");
        Path job = write(project, "job.yml", "command: python t.py\nenvironment:\n  image: " + DockerResources.BASE_IMAGE
                + "\nenvironment_variables:\n  TOKEN: s3cr3t-value-xyz\n");
        JarProcess jar = JarProcess.start("--verbose", "run", job.toString(), "--folder", workspace.toString());
        assertThat(jar.waitFor(120)).as(jar.output()).isZero();
        assertThat(jar.output()).contains("token length 16").doesNotContain("s3cr3t-value-xyz");
        String id = runId(jar.output());
        String controlLog = Files.readString(new RunStore(workspace).controlLog(id));
        assertThat(controlLog).contains("Environment variables: TOKEN (values are never logged).")
                .doesNotContain("s3cr3t");
        assertThat(Files.readString(new RunStore(workspace).dir(id).resolve("run.json"))).doesNotContain("s3cr3t");
    }

    @Test
    void aDetachedRunIsRecordedAndItsContainerRemovedWhenItEndsWithNobodyLooking() throws Exception {
        Path script = write(project, "late.py", "import time\ntime.sleep(2)\nprint('done late')\n");
        JarProcess jar = JarProcess.start("run", script.toString(), "--detach", "--folder", workspace.toString());
        assertThat(jar.waitFor(120)).as(jar.output()).isZero();
        String id = runId(jar.output());
        RunStore store = new RunStore(workspace);
        await().atMost(Duration.ofSeconds(90)).until(() -> store.read(id).status == RunStatus.Completed);
        await().atMost(Duration.ofSeconds(30)).until(() -> DockerResources.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of("dev.amldebug.run-id", id)).exec().isEmpty());
        assertThat(store.read(id).exitCode).isZero();
        assertThat(Files.readString(store.driverLog(id))).contains("done late");
    }

    @Test
    void deployUpScoreRestartListAndDownFromTheCommandLine() throws Exception {
        Path score = write(project, "app/score.py", "def init():\n    pass\n\n\ndef run(raw_data):\n    return {'v': 1}\n");
        Path model = write(project, "m.txt", "w\n");
        Cli up = Cli.run("deploy", "up", "--score", score.toString(), "--model", model.toString(), "--detach",
                "--port", String.valueOf(FreePorts.any()), "--folder", workspace.toString());
        assertThat(up.exitCode).as(up.toString()).isZero();
        assertThat(up.out).contains("scoring: http://127.0.0.1:");
        String id = runId(up.out);
        RunStore store = new RunStore(workspace);
        await().atMost(Duration.ofSeconds(60)).until(() -> store.read(id).deployment().health() == DeploymentHealth.Healthy);
        Cli scored = Cli.run("deploy", "score", id, "--json", "{}", "--folder", workspace.toString());
        assertThat(scored.exitCode).as(scored.toString()).isZero();
        assertThat(scored.out).startsWith("200 (").contains("{\"v\": 1}");
        Files.writeString(score, Files.readString(score).replace("'v': 1", "'v': 2"));
        assertThat(Cli.run("deploy", "restart", id, "--folder", workspace.toString()).exitCode).isZero();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                Cli.run("deploy", "score", id, "--json", "{}", "--folder", workspace.toString()).out.contains("{\"v\": 2}"));
        // The server answers before the follower's next probe records Healthy again.
        await().atMost(Duration.ofSeconds(60)).until(() -> Cli.run("deploy", "list", "--folder", workspace.toString()).out
                .lines().anyMatch(line -> line.startsWith(id) && line.contains("Healthy")));
        assertThat(Cli.run("deploy", "down", id, "--folder", workspace.toString()).exitCode).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> store.read(id).status == RunStatus.Canceled);
        Cli late = Cli.run("deploy", "score", id, "--json", "{}", "--folder", workspace.toString());
        assertThat(late.exitCode).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(late.err).contains("is not a deployment that is up");
    }

    @Test
    void aDetachedDeploymentWhoseInitRaisesKeepsItsTracebackFromTheContainersStart() throws Exception {
        Path score = write(project, "app/score.py", "def init():\n    raise RuntimeError('no model here, detached')\n\n\n"
                + "def run(raw_data):\n    return 1\n");
        Path model = write(project, "m.txt", "w\n");
        Cli up = Cli.run("deploy", "up", "--score", score.toString(), "--model", model.toString(), "--detach",
                "--port", String.valueOf(FreePorts.any()), "--folder", workspace.toString());
        assertThat(up.exitCode).as(up.toString()).isZero();
        String id = runId(up.out);
        RunStore store = new RunStore(workspace);

        await().atMost(Duration.ofSeconds(60)).until(() -> store.read(id).status == RunStatus.Failed);

        assertThat(Files.readString(store.driverLog(id))).contains("Traceback", "RuntimeError: no model here, detached");
    }

    @Test
    void aDetachedPostMortemRunSaysInRunJsonWhatItWaitsWith() throws Exception {
        Path script = write(project, "fails.py", FailingScript.DIVIDE);
        Cli run = Cli.run("run", script.toString(), "--post-mortem", "--post-mortem-timeout", "120", "--detach",
                "--folder", workspace.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        String id = runId(run.out);
        RunStore store = new RunStore(workspace);

        await().atMost(Duration.ofSeconds(60)).until(() -> store.read(id).postMortem != null);

        assertThat(store.read(id).postMortem).isEqualTo(FailingScript.EXCEPTION);
        assertThat(store.read(id).status).isEqualTo(RunStatus.Running);
        assertThat(Cli.run("runs", "cancel", id, "--folder", workspace.toString()).exitCode).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> !store.read(id).isActive());
    }

    @Test
    void aGpuJobOnAnEngineWithoutGpusSaysWhatToDo() throws Exception {
        write(project, "gpu.py", "print('on a GPU?')\n");
        Path job = write(project, "gpu.yml", "command: python gpu.py\nenvironment: {image: " + DockerResources.BASE_IMAGE
                + "}\nresources: {instance_type: Standard_NC6s_v3}\n");

        Cli run = Cli.run("run", job.toString(), "--folder", workspace.toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(ErrorReporter.ENVIRONMENT);
        assertThat(run.err).contains("The job asks for GPUs", "has no GPU support", "NVIDIA Container Toolkit")
                .doesNotContain("Status 500");
        assertThat(DockerResources.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of("dev.amldebug.run-id", runId(run.out))).exec()).isEmpty();
    }

    @Test
    void aJobNamingAnImageNoRegistryServesRunsOnItsSubstituteAndSaysSoWithoutAStackTrace() throws Exception {
        write(project, "sub.py", "print('ran on the substitute')\n");
        Path job = write(project, "sub.yml", "command: python sub.py\nenvironment: {image: registry.invalid/azureml/x:1}\n");

        JarProcess run = JarProcess.start(java.util.Map.of("AML_DEBUG_IMAGE_SUBSTITUTES",
                "registry.invalid/azureml/x:1=" + DockerResources.BASE_IMAGE), "run", job.toString(), "--folder", workspace.toString());

        assertThat(run.waitFor(180)).as(run.output()).isZero();
        assertThat(run.output()).contains("Using " + DockerResources.BASE_IMAGE + " for registry.invalid/azureml/x:1: it"
                + " could not be pulled", "ran on the substitute").doesNotContain("Exception", "\tat ");
    }
}
