package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the CLI that need no Docker: help, input errors, an empty store. */
class CliTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String[] command : new String[][] {{}, {"run"}, {"runs"}, {"runs", "list"}, {"runs", "logs"},
                {"runs", "cancel"}, {"runs", "show"}, {"runs", "prune"}, {"images"}, {"images", "prune"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            Cli cli = Cli.run(args);
            assertThat(cli.exitCode).as(String.join(" ", args)).isZero();
            assertThat(cli.out).as(String.join(" ", args)).contains("Usage: aml-debug");
        }
        assertThat(Cli.run("run", "--help").out).contains("Examples:").contains("--detach").contains("--env");
    }

    @Test
    void malformedJobFileNamesFileLineAndColumnAndExitsWithTwo() throws Exception {
        Path job = Files.writeString(dir.resolve("job.yml"), "command: python t.py\nenvironment:\n  image: [x\n");
        Cli cli = Cli.run("run", job.toString(), "--folder", dir.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cli.err).startsWith("aml-debug: " + job + ":").contains("invalid YAML");
        assertThat(cli.err).doesNotContain("at dev.amldebug");
    }

    @Test
    void aBreakpointWhoseLineIsNotANumberIsRefusedBeforeAnythingRuns() throws Exception {
        Path script = Files.writeString(dir.resolve("w.py"), "print(1)\n");
        Cli cli = Cli.run("run", script.toString(), "--break", "w.py:abc", "--folder", dir.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cli.err).contains("the line of breakpoint 'w.py:abc' is not a number");
        assertThat(dir.resolve(".azureml/runs")).doesNotExist();
    }

    @Test
    void aDeploymentRefusesTheRootOrASystemFolderAsItsCodeOrModel() throws Exception {
        Path score = Files.writeString(dir.resolve("score.py"), "def init():\n    pass\n");
        Path model = Files.writeString(dir.resolve("m.txt"), "w\n");
        Path yaml = Files.writeString(dir.resolve("deployment.yml"), """
                name: blue
                model: {path: m.txt}
                code_configuration: {code: /etc, scoring_script: hostname}
                environment: {image: img}
                """);

        Cli rootModel = Cli.run("deploy", "up", "--score", score.toString(), "--model", "/", "--folder", dir.toString());
        Cli etcFile = Cli.run("deploy", "up", "--score", score.toString(), "--model", "/etc/shadow", "--folder", dir.toString());
        Cli etcCode = Cli.run("deploy", "up", yaml.toString(), "--folder", dir.toString());

        assertThat(rootModel.exitCode).as(rootModel.toString()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(rootModel.err).contains("the model would be the root of the file system");
        assertThat(etcFile.err).as(etcFile.toString()).contains("the model would be the system file /etc/shadow");
        assertThat(etcCode.exitCode).as(etcCode.toString()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(etcCode.err).contains("the code folder would be the system folder /etc");
        assertThat(dir.resolve(".azureml/runs")).doesNotExist();
        assertThat(model).exists();
    }

    @Test
    void aBinaryJobFileNamesTheFileAndExitsWithTwo() throws Exception {
        Path job = Files.write(dir.resolve("job.yml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        Cli cli = Cli.run("run", job.toString(), "--folder", dir.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cli.err).isEqualTo("aml-debug: " + job + ": this is not a UTF-8 text file (is it binary, or saved in"
                + " another encoding?); give a YAML file saved as UTF-8\n");
    }

    @Test
    void anExperimentNameWithANewlineIsRefused() throws Exception {
        Path script = Files.writeString(dir.resolve("t.py"), "print(1)\n");
        Cli cli = Cli.run("run", script.toString(), "--experiment", "a\nb", "--folder", dir.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cli.err).contains("An experiment name takes").contains("'a\\nb'");
    }

    @Test
    void portsOutsideTcpsRangeAreBadInputEverywhere() {
        for (String[] args : new String[][] {{"attach", "--host", "127.0.0.1", "--port", "70000"},
                {"attach", "--host", "127.0.0.1", "--port", "-1"}, {"serve", "--port", "70000"}}) {
            Cli cli = Cli.run(args);
            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ErrorReporter.BAD_INPUT);
            assertThat(cli.err).as(cli.toString()).contains("is not a TCP port: give a number from 1 to 65535.")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void serveOnABusyPortNamesThePort() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli cli = Cli.run("serve", "--port", String.valueOf(busy.getLocalPort()));
            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ErrorReporter.BAD_INPUT);
            assertThat(cli.err).contains("Port " + busy.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void theMetadataAddressIsRefused() {
        Cli cli = Cli.run("attach", "--host", "169.254.169.254", "--port", "80");
        assertThat(cli.exitCode).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cli.err).contains("link-local").contains("metadata");
    }

    @Test
    void missingScriptIsABadInputError() {
        Cli cli = Cli.run("run", dir.resolve("nope.py").toString(), "--folder", dir.toString());
        assertThat(cli.exitCode).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cli.err).contains("nope.py: script not found");
    }

    @Test
    void emptyStoreSaysHowToStartARun() {
        Cli cli = Cli.run("runs", "list", "--folder", dir.toString());
        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).contains("No runs in").contains("aml-debug run");
    }

    @Test
    void aBrokenRunJsonIsNamedAndTheListGoesOn() throws Exception {
        Path run = Files.createDirectories(dir.resolve(".azureml/runs/cut_1_aaaaaaaa"));
        Files.writeString(run.resolve("run.json"), "{\"id\": \"cut_1");
        Cli cli = Cli.run("runs", "list", "--folder", dir.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.err).contains("note: Run cut_1_aaaaaaaa is broken: " + run.resolve("run.json"));
        assertThat(cli.out).contains("No runs in");
    }

    @Test
    void runsPruneRemovesOldEndedRunsAndSaysWhich() throws Exception {
        dev.amldebug.runner.run.RunStore store = new dev.amldebug.runner.run.RunStore(dir);
        for (String id : new String[] {"old_1_a", "new_2_b"}) {
            dev.amldebug.runner.run.RunRecord record = new dev.amldebug.runner.run.RunRecord();
            record.id = id;
            record.experiment = "e";
            record.status = dev.amldebug.runner.run.RunStatus.Completed;
            record.createdAt = java.time.Instant.now().minus(java.time.Duration.ofDays(id.startsWith("old") ? 40 : 1));
            record.endedAt = record.createdAt;
            store.create(record);
        }
        Cli cli = Cli.run("runs", "prune", "--folder", dir.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.out).contains("removed old_1_a (Completed)").contains("Removed 1 run(s)");
        assertThat(store.exists("new_2_b")).isTrue();
        Cli keepNone = Cli.run("runs", "prune", "--keep", "0", "--folder", dir.toString());
        assertThat(keepNone.out).as(keepNone.toString()).contains("removed new_2_b (Completed)");
        assertThat(store.exists("new_2_b")).isFalse();
        assertThat(Cli.run("runs", "prune", "--keep", "-1", "--folder", dir.toString()).exitCode).isEqualTo(ErrorReporter.BAD_INPUT);
    }

    @Test
    void followingARunWithNoLogYetSaysWhatItWaitsForThenPrintsTheLog() throws Exception {
        dev.amldebug.runner.run.RunStore store = new dev.amldebug.runner.run.RunStore(dir);
        dev.amldebug.runner.run.RunRecord record = new dev.amldebug.runner.run.RunRecord();
        record.id = "slow_1_aaaaaaaa";
        record.experiment = "slow";
        record.status = dev.amldebug.runner.run.RunStatus.Preparing;
        record.createdAt = java.time.Instant.now();
        store.create(record);
        java.io.StringWriter err = new java.io.StringWriter();
        java.util.concurrent.CompletableFuture<Cli> following = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Cli.run(System.getenv(), err, "runs", "logs", record.id, "--follow", "--folder", dir.toString()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> err.toString().contains("Waiting for run"));
        Files.createDirectories(store.driverLog(record.id).getParent());
        Files.writeString(store.driverLog(record.id), "epoch 1\n");
        store.update(record.id, run -> run.status = dev.amldebug.runner.run.RunStatus.Completed);

        Cli cli = following.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.err.lines().filter(line -> line.contains("Waiting for run slow_1_aaaaaaaa to write its log (Preparing)")))
                .as(cli.toString()).hasSize(1);
        assertThat(cli.err).doesNotContain("\r");
    }

    @Test
    void aCommandLineThatDoesNotParseIsOneSentenceAndWhereTheHelpIsNotTheWholeHelp() {
        Cli oldFolderFlag = Cli.run("runs", "list", "-w", dir.toString());
        assertThat(oldFolderFlag.exitCode).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(oldFolderFlag.err).contains("Unknown options: '-w'")
                .contains("The folder option is --folder; -w is the Azure ML workspace name")
                .contains("See `aml-debug runs list --help`.").doesNotContain("Usage:");
        Cli badFormat = Cli.run("runs", "list", "-o", "yaml", "--folder", dir.toString());
        assertThat(badFormat.exitCode).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(badFormat.err.lines().toList()).hasSize(2).first().asString().contains("expected one of [table, json, tsv]");
        Cli pathAsName = Cli.run("azure", "jobs", "list", "-w", dir.toString(), "--folder", dir.toString());
        assertThat(pathAsName.exitCode).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(pathAsName.err).contains("-w is the Azure ML workspace name").contains("give the folder with --folder");
    }

    @Test
    void unknownRunIsABadInputError() {
        Cli cli = Cli.run("runs", "show", "nope_1_2", "--folder", dir.toString());
        assertThat(cli.exitCode).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cli.err).contains("No run 'nope_1_2'");
    }

    @Test
    void pruneAgeMustHaveAUnit() {
        Cli cli = Cli.run("images", "prune", "--older-than", "7");
        assertThat(cli.exitCode).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cli.err).contains("--older-than takes a number and a unit");
    }
}
