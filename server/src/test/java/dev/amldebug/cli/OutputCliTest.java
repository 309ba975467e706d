package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs list|show} with -o json, -o tsv and --query, over run records written to a workspace folder. */
class OutputCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2024-11-24T10:00:00Z");

    @TempDir
    Path dir;

    @BeforeEach
    void aCommandRunAndAPipelineWithTwoSteps() {
        RunStore store = new RunStore(dir);
        store.create(run("digits_1_aaaaaaaa", RunKind.command, RunStatus.Completed, 0, 0));
        RunRecord pipeline = run("pipe_2_bbbbbbbb", RunKind.pipeline, RunStatus.Failed, null, 60);
        pipeline.pipeline().addStep("prep", "pipe_2_bbbbbbbb_prep");
        pipeline.pipeline().addStep("train", "pipe_2_bbbbbbbb_train");
        store.create(pipeline);
        RunRecord prep = run("pipe_2_bbbbbbbb_prep", RunKind.command, RunStatus.Completed, 0, 61);
        prep.step().placeIn(pipeline.id, "prep");
        prep.step().setReusedFrom("pipe_0_cccccccc_prep");
        store.create(prep);
        RunRecord train = run("pipe_2_bbbbbbbb_train", RunKind.command, RunStatus.Failed, 1, 62);
        train.step().placeIn(pipeline.id, "train");
        store.create(train);
    }

    private static RunRecord run(String id, RunKind kind, RunStatus status, Integer exitCode, int startedAfter) {
        RunRecord record = new RunRecord();
        record.id = id;
        record.kind = kind;
        record.experiment = id.substring(0, id.indexOf('_'));
        record.status = status;
        record.createdAt = START.plusSeconds(startedAfter);
        record.startedAt = record.createdAt;
        record.endedAt = record.startedAt.plusSeconds(187);
        record.exitCode = exitCode;
        return record;
    }

    private Cli runs(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "runs";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--folder";
        all[args.length + 2] = dir.toString();
        return Cli.run(all);
    }

    private static JsonNode byId(JsonNode runs, String id) {
        for (JsonNode run : runs) {
            if (run.path("id").asText().equals(id)) {
                return run;
            }
        }
        throw new AssertionError("no run " + id + " in " + runs);
    }

    @Test
    void runsListAsJsonHasEveryTopLevelRunWithItsSteps() throws Exception {
        Cli cli = runs("list", "-o", "json");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        JsonNode runs = JSON.readTree(cli.out);
        assertThat(runs.isArray()).isTrue();
        assertThat(runs).hasSize(2);
        JsonNode digits = byId(runs, "digits_1_aaaaaaaa");
        assertThat(digits.get("kind").asText()).isEqualTo("command");
        assertThat(digits.get("experiment").asText()).isEqualTo("digits");
        assertThat(digits.get("status").asText()).isEqualTo("Completed");
        assertThat(digits.get("startedAt").asText()).isEqualTo("2024-11-24T10:00:00Z");
        assertThat(digits.get("endedAt").asText()).isEqualTo("2024-11-24T10:03:07Z");
        assertThat(digits.get("durationSeconds").asLong()).isEqualTo(187);
        assertThat(digits.get("exitCode").asInt()).isZero();
        assertThat(digits.get("error").isNull()).isTrue();
        assertThat(digits.get("steps").isArray()).isTrue();
        assertThat(digits.get("steps")).isEmpty();

        JsonNode steps = byId(runs, "pipe_2_bbbbbbbb").get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("name").asText()).isEqualTo("prep");
        assertThat(steps.get(0).get("reusedFrom").asText()).isEqualTo("pipe_0_cccccccc_prep");
        assertThat(steps.get(1).get("id").asText()).isEqualTo("pipe_2_bbbbbbbb_train");
        assertThat(steps.get(1).get("status").asText()).isEqualTo("Failed");
        assertThat(steps.get(1).get("exitCode").asInt()).isEqualTo(1);
    }

    @Test
    void runsShowAsJsonIsTheRunWithItsFiles() throws Exception {
        Cli cli = runs("show", "pipe_2_bbbbbbbb", "-o", "json");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        JsonNode run = JSON.readTree(cli.out);
        assertThat(run.get("id").asText()).isEqualTo("pipe_2_bbbbbbbb");
        assertThat(run.get("kind").asText()).isEqualTo("pipeline");
        assertThat(run.get("driverLog").asText()).endsWith("70_driver_log.txt");
        assertThat(Path.of(run.get("controlLog").asText())).startsWith(dir);
        assertThat(run.get("steps").findValuesAsText("name")).containsExactly("prep", "train");
    }

    @Test
    void aQueryPicksFromTheJsonInEveryFormat() throws Exception {
        Cli failed = runs("list", "-o", "json", "--query", "[?status=='Failed'].id");
        assertThat(JSON.readTree(failed.out)).as(failed.toString()).isEqualTo(JSON.readTree("[\"pipe_2_bbbbbbbb\"]"));

        Cli steps = runs("show", "pipe_2_bbbbbbbb", "-o", "tsv", "--query", "steps[].[name, status, exitCode]");
        assertThat(steps.out.lines().map(line -> List.of(line.split("\t", -1))))
                .containsExactly(List.of("prep", "Completed", "0"), List.of("train", "Failed", "1"));

        Cli table = runs("list", "--query", "[].{Run: id, Status: status}");
        assertThat(table.out.lines().toList().get(0)).startsWith("Run").contains("Status");
    }

    @Test
    void tsvIsOneLinePerRunInTheDocumentedFieldOrder() {
        Cli cli = runs("list", "-o", "tsv", "--experiment", "digits");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        List<String> lines = cli.out.lines().toList();
        assertThat(lines).hasSize(1);
        String[] fields = lines.get(0).split("\t", -1);
        assertThat(fields).hasSize(15);
        assertThat(fields[0]).isEqualTo("digits_1_aaaaaaaa");
        assertThat(fields[4]).isEqualTo("Completed");
        assertThat(fields[8]).isEqualTo("187");
    }

    @Test
    void theTableIsTheDefaultAndKeepsItsColumns() {
        Cli cli = runs("list");
        assertThat(cli.out.lines().toList().get(0)).matches("RUN +EXPERIMENT +STATUS +STARTED +DURATION +EXIT");
        assertThat(cli.out).contains("  prep (reused)").contains("3m07s").doesNotContain("\u001b[");
    }

    @Test
    void anEmptyListIsAnEmptyJsonArray() throws Exception {
        Cli cli = runs("list", "-o", "json", "--experiment", "none");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(JSON.readTree(cli.out).isArray()).isTrue();
        assertThat(JSON.readTree(cli.out)).isEmpty();
        assertThat(cli.err).contains("No runs of experiment none in").contains("it has runs of others");
    }

    @Test
    void aBadQueryIsOneSentenceThatNamesItAndExitsWithTwo() {
        Cli cli = runs("list", "--query", "[?status==");
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cli.err).startsWith("aml-debug: --query '[?status==' is not a JMESPath expression")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.err.strip().lines()).hasSize(1);
        assertThat(cli.out).isEmpty();
    }

    @Test
    void anUnknownFormatIsRefusedByName() {
        Cli cli = runs("list", "-o", "yaml");
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cli.err).contains("yaml").contains("table, json, tsv");
    }
}
