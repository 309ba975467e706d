package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.server.testing.FakeAzure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `azure replay` for real: a job that failed on the fake's stand-in compute (a real container) is downloaded (code
 * snapshot, inline environment, an input in the workspace storage) and runs again in local Docker, failing the same
 * way with the same output; with --break it stops in the script.
 */
class AzureReplayIT extends FakeComputeCliTest {
    static final String FAILING_SCRIPT = """
            import sys
            rows = open(sys.argv[1]).read().splitlines()
            print("rows:", len(rows), flush=True)
            print("lr:", sys.argv[2], flush=True)
            total = sum(int(row) for row in rows)
            raise ValueError("bad rows: total " + str(total))
            """;

    private Map<String, String> inProcess;

    @BeforeEach
    void inProcess() {
        inProcess = FakeAzure.inProcess(environment);
    }

    @Test
    void replayOfAFailedJobFailsTheSameWayWithTheSameOutputAndRecordsWhereItCameFrom() throws Exception {
        String job = submitFailingJob();
        String cloudLog = log(job, "user_logs/std_log.txt");
        assertThat(cloudLog).contains("rows: 3", "lr: 0.5", "ValueError: bad rows: total 6");

        Cli replay = Cli.run(inProcess, "azure", "replay", job, "--folder", folder.toString());

        assertThat(replay.exitCode).as(replay.toString()).isEqualTo(1);
        // stdout and stderr are two streams in both places: their lines may interleave differently.
        assertThat(scriptLines(replay.out)).containsExactlyInAnyOrderElementsOf(scriptLines(cloudLog));
        assertThat(replay.err).contains("replay of " + fake.options().workspace() + "/" + job);
        String runId = replay.out.lines().filter(line -> line.startsWith("run: ")).findFirst().orElseThrow().substring(5);
        String record = Files.readString(folder.resolve(".azureml/runs").resolve(runId).resolve("run.json"));
        assertThat(record).containsPattern("\"replayOf\"\\s*:\\s*\"" + fake.options().workspace() + "/" + job + "\"")
                .containsPattern("\"status\"\\s*:\\s*\"Failed\"");
        assertThat(folder.resolve(".azureml/replays").resolve(job).resolve("code/fail.py")).exists();
        assertThat(folder.resolve(".azureml/replays").resolve(job).resolve("inputs/data/data.csv")).hasContent("1\n2\n3");
        try (Stream<Path> code = Files.list(folder.resolve("src"))) {
            assertThat(code.map(p -> p.getFileName().toString())).as("nothing is written into the user's code").containsExactly("fail.py");
        }
    }

    @Test
    void replayWithBreakStopsInTheFailedScript() throws Exception {
        String job = submitFailingJob();

        JarProcess replay = JarProcess.startIn(folder, environment, "azure", "replay", job, "--break", "fail.py:5");
        int exit = replay.waitFor(240);

        assertThat(replay.output()).contains("stopped at fail.py:5 in <module>", "  rows = ['1', '2', '3']");
        assertThat(exit).as(replay.output()).isEqualTo(1);
    }

    @Test
    void anInputOutsideTheWorkspaceStorageIsAskedForByName() throws Exception {
        Files.createDirectories(folder.resolve("src"));
        Files.writeString(folder.resolve("src/fail.py"), FAILING_SCRIPT);
        Files.writeString(folder.resolve("job.yml"), """
                code: src
                command: python fail.py ${{inputs.data}} 0.5
                experiment_name: replays
                environment:
                  image: aml-debug/python:bookworm
                inputs:
                  data:
                    type: uri_file
                    path: azureml://datastores/partner_lake/paths/data.csv
                """);
        String job = submit();
        Cli replay = Cli.run(inProcess, "azure", "replay", job, "--folder", folder.toString());
        assertThat(replay.exitCode).as(replay.toString()).isEqualTo(2);
        assertThat(replay.err).contains("Input 'data'").contains("--input data=PATH");
    }

    private String submitFailingJob() throws Exception {
        Files.createDirectories(folder.resolve("src"));
        Files.writeString(folder.resolve("src/fail.py"), FAILING_SCRIPT);
        Files.writeString(folder.resolve("data.csv"), "1\n2\n3");
        Files.writeString(folder.resolve("job.yml"), """
                code: src
                command: python fail.py ${{inputs.data}} ${{inputs.lr}}
                experiment_name: replays
                environment:
                  image: aml-debug/python:bookworm
                inputs:
                  data:
                    type: uri_file
                    path: ./data.csv
                  lr: 0.5
                """);
        String job = submit();
        await().atMost(Duration.ofSeconds(90)).until(() -> fake.workspace().jobs.find(job).orElseThrow().terminal());
        assertThat(fake.workspace().jobs.find(job).orElseThrow().status).as(log(job, "user_logs/std_log.txt")).isEqualTo("Failed");
        return job;
    }

    private String submit() {
        Cli submit = Cli.run(inProcess, "azure", "submit", folder.resolve("job.yml").toString(), "--compute", "cpu-cluster",
                "--folder", folder.toString());
        assertThat(submit.exitCode).as(submit.toString()).isZero();
        return jobName(submit.out);
    }

    /**
     * What the script printed, without the traceback's file paths (the cloud's and the local working directory
     * differ). Unbuffered, print() writes its text and its newline apart, so stderr's traceback may
     * come between them ("lr: 0.5Traceback ..."): it starts a line of its own here.
     */
    private static List<String> scriptLines(String output) {
        return output.replace("Traceback (most recent call last):", "\nTraceback (most recent call last):").lines()
                .filter(line -> line.startsWith("rows:") || line.startsWith("lr:") || line.startsWith("ValueError")).toList();
    }
}
