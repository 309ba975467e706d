package dev.amldebug.cli;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code aml-debug run} and {@code runs logs} on distributed jobs, with fake training scripts on the base image. */
@ExtendWith(DockerResources.class)
class DistributedCliIT {
    private static final Pattern RUN_ID = Pattern.compile("run: (\\S+)");

    @TempDir
    Path workspace;
    @TempDir
    Path project;

    private Path job(String script) {
        return twoByTwo(project, script);
    }

    /** A 2 nodes x 2 processes pytorch job of {@code script} (train.py) on the base image, in {@code project}. */
    static Path twoByTwo(Path project, String script) {
        write(project, "train.py", script);
        return write(project, "job.yml", """
                type: command
                command: python train.py
                environment:
                  image: %s
                distribution: {type: pytorch, process_count_per_instance: 2}
                resources: {instance_count: 2}
                """.formatted(BASE_IMAGE));
    }

    private static String runId(Cli cli) {
        Matcher matcher = RUN_ID.matcher(cli.out);
        assertThat(matcher.find()).as(cli.toString()).isTrue();
        return matcher.group(1);
    }

    private Cli cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--folder";
        all[args.length + 1] = workspace.toString();
        return Cli.run(all);
    }

    @Test
    void runStreamsEveryRankAndRunsLogsReadsOneRankOrAll() {
        Cli run = cli("run", job("import os\nprint('hello from', os.environ['RANK'])\nprint('bye', os.environ['RANK'])\n")
                .toString());

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("[rank 0] hello from 0").contains("[rank 3] hello from 3");
        String id = runId(run);
        assertThat(run.err).contains("Completed (exit code 0)").contains("runs logs " + id + " --rank N");

        Cli rank = cli("runs", "logs", id, "--rank", "2");
        assertThat(rank.out).as(rank.toString()).isEqualTo("hello from 2\nbye 2\n");
        Cli all = cli("runs", "logs", id, "--all");
        assertThat(all.out).as(all.toString()).isEqualTo("[rank 0] hello from 0\n[rank 0] bye 0\n[rank 1] hello from 1\n"
                + "[rank 1] bye 1\n[rank 2] hello from 2\n[rank 2] bye 2\n[rank 3] hello from 3\n[rank 3] bye 3\n");
        Cli noSuchRank = cli("runs", "logs", id, "--rank", "4");
        assertThat(noSuchRank.exitCode).isEqualTo(2);
        assertThat(noSuchRank.err).contains("has ranks 0 to 3");
    }

    @Test
    void theRankThatFailsFirstGivesTheExitCodeAndIsNamed() {
        Cli run = cli("run", job("""
                import os, sys, time
                if os.environ["RANK"] == "1":
                    time.sleep(1)
                    sys.exit("rank 1 gives up")
                time.sleep(300)
                """).toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.err).contains("failed:  rank 1 failed first, with exit code 1: rank 1 gives up");
        RunRecord record = new RunStore(workspace).read(runId(run));
        assertThat(record.status).isEqualTo(RunStatus.Failed);
        assertThat(record.distributed().failedRank()).isEqualTo(1);
    }

    @Test
    void ranksThatDoNotExistOrARunOfOneProcessOrDetachingADebuggedRunSayWhatToDo() {
        Cli noSuchRank = cli("run", job("print('x')\n").toString(), "--debug-ranks", "1,7");
        assertThat(noSuchRank.exitCode).as(noSuchRank.toString()).isEqualTo(2);
        assertThat(noSuchRank.err).contains("There is no rank 7", "ranks 0 to 3");

        Cli oneProcess = cli("run", write(project, "one.py", "print('one')\n").toString(), "--debug-ranks", "0");
        assertThat(oneProcess.exitCode).as(oneProcess.toString()).isEqualTo(2);
        assertThat(oneProcess.err).contains("runs one process", "--debug instead");

        Cli detached = cli("run", job("print('x')\n").toString(), "--debug", "--detach");
        assertThat(detached.exitCode).as(detached.toString()).isEqualTo(2);
        assertThat(detached.err).contains("without --detach");
    }

    @Test
    void ranksOfARunThatIsNotDistributedAreBadInput() {
        Cli run = cli("run", write(project, "one.py", "print('one')\n").toString());

        Cli logs = cli("runs", "logs", runId(run), "--all");

        assertThat(logs.exitCode).isEqualTo(2);
        assertThat(logs.err).contains("is not a distributed run");
    }
}
