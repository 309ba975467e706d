package dev.amldebug.runner.distributed;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static dev.amldebug.runner.testing.Projects.read;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.DetachedRunFollower;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.Reconciler;
import dev.amldebug.runner.run.RunCanceller;
import dev.amldebug.runner.run.RunContainers;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunNetworks;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.spec.JobYamlParser;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Distributed runs on the base image: fake "training" scripts that check the environment and talk over sockets. */
@ExtendWith(DockerResources.class)
public class DistributedRunIT {
    /** Rank 0 sums every rank's number over TCP at MASTER_ADDR:MASTER_PORT and sends the sum back: an all_reduce. */
    public static final String SOCKET_ALL_REDUCE = """
            import json, os, socket, time
            rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
            assert rank == int(os.environ["NODE_RANK"]) * 2 + int(os.environ["LOCAL_RANK"]), "rank formula"
            print(json.dumps({k: v for k, v in os.environ.items()
                              if k in ("MASTER_ADDR", "MASTER_PORT", "WORLD_SIZE", "NODE_RANK", "RANK", "LOCAL_RANK",
                                       "LOCAL_WORLD_SIZE", "AZUREML_RUN_ID", "AML_DEBUG_RUN_ID", "TF_CONFIG") or k.startswith("OMPI_")}))
            addr = (os.environ["MASTER_ADDR"], int(os.environ["MASTER_PORT"]))
            if rank == 0:
                server = socket.create_server(("", addr[1]))
                peers = [server.accept()[0] for _ in range(world - 1)]
                total = 1 + sum(int(p.recv(16)) for p in peers)
                for p in peers:
                    p.sendall(str(total).encode())
            else:
                for attempt in range(100):
                    try:
                        conn = socket.create_connection(addr)
                        break
                    except OSError:
                        time.sleep(0.1)
                conn.sendall(str(rank + 1).encode())
                total = int(conn.recv(16))
            expected = world * (world + 1) // 2
            assert total == expected, f"all_reduce gave {total}, expected {expected}"
            print(f"rank {rank}: all_reduce sum = {total} (checked)")
            """;

    @TempDir
    Path workspace;
    @TempDir
    Path project;
    @TempDir
    Path cache;

    private RunStore store;
    private LocalRunner queue;
    private DistributedRunner runner;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        store = new RunStore(workspace);
        queue = new LocalRunner(docker(), store, new ImageUsage(cache));
        runner = new DistributedRunner(docker(), store, new ImageUsage(cache));
    }

    private RunSpec job(String script, String distribution, int nodes) {
        write(project, "train.py", script);
        write(project, "wrap.sh", "echo \"WRAPPED rank=$RANK token=${AML_DEBUG_HUB_TOKEN:-none}\"\nexec python3 \"$@\"\n");
        return new JobYamlParser().parse(write(project, "job.yml", """
                type: command
                code: .
                command: python train.py
                environment:
                  image: %s
                distribution: %s
                resources:
                  instance_count: %d
                """.formatted(BASE_IMAGE, distribution, nodes)), null);
    }

    private RunRecord run(RunSpec spec, RankDebug debug) throws InterruptedException {
        String id = queue.queue(spec);
        return runner.start(id, spec, false, debug, RunListener.NONE).await();
    }

    private JsonNode environmentOf(String runId, int rank) throws Exception {
        return json.readTree(read(store.processLog(runId, rank)).lines().findFirst().orElseThrow());
    }

    @Test
    void everyRankOfTwoNodesWithTwoProcessesCompletesAfterAnAllReduce() throws Exception {
        RunRecord ended = run(job(SOCKET_ALL_REDUCE, "{type: pytorch, process_count_per_instance: 2}", 2), null);

        assertThat(ended.status).as(read(store.driverLog(ended.id))).isEqualTo(RunStatus.Completed);
        assertThat(ended.kind).isEqualTo(RunKind.distributed);
        assertThat(ended.distributed().ranks()).isEqualTo(4);
        assertThat(ended.exitCode).isZero();
        for (int rank = 0; rank < 4; rank++) {
            assertThat(read(store.processLog(ended.id, rank))).contains("rank " + rank + ": all_reduce sum = 10 (checked)");
            assertThat(read(store.driverLog(ended.id))).contains("[rank " + rank + "] rank " + rank + ": all_reduce");
        }
        assertThat(new RunContainers(docker()).findAll(ended.id)).as("node containers removed").isEmpty();
        assertThat(docker().listNetworksCmd().withNameFilter(RunNetworks.name(ended.id)).exec()).as("network removed")
                .isEmpty();
    }

    @Test
    void eachPytorchProcessGetsAzureMlsEnvironmentContract() throws Exception {
        RunRecord ended = run(job(SOCKET_ALL_REDUCE, "{type: pytorch, process_count_per_instance: 2}", 2), null);

        for (int rank = 0; rank < 4; rank++) {
            JsonNode env = environmentOf(ended.id, rank);
            assertThat(env.get("MASTER_ADDR").asText()).isEqualTo("node-0");
            assertThat(env.get("MASTER_PORT").asText()).isEqualTo("6105");
            assertThat(env.get("WORLD_SIZE").asText()).isEqualTo("4");
            assertThat(env.get("RANK").asText()).isEqualTo(Integer.toString(rank));
            assertThat(env.get("NODE_RANK").asText()).isEqualTo(Integer.toString(rank / 2));
            assertThat(env.get("LOCAL_RANK").asText()).isEqualTo(Integer.toString(rank % 2));
            assertThat(env.get("LOCAL_WORLD_SIZE").asText()).isEqualTo("2");
            assertThat(env.get("AZUREML_RUN_ID").asText()).isEqualTo(ended.id);
            assertThat(env.get("AML_DEBUG_RUN_ID").asText()).isEqualTo(ended.id);
        }
    }

    @Test
    void eachMpiProcessGetsOpenMpisRankVariables() throws Exception {
        RunRecord ended = run(job(SOCKET_ALL_REDUCE, "{type: mpi, process_count_per_instance: 2}", 2), null);

        assertThat(ended.status).isEqualTo(RunStatus.Completed);
        for (int rank = 0; rank < 4; rank++) {
            JsonNode env = environmentOf(ended.id, rank);
            assertThat(env.get("OMPI_COMM_WORLD_RANK").asText()).isEqualTo(Integer.toString(rank));
            assertThat(env.get("OMPI_COMM_WORLD_SIZE").asText()).isEqualTo("4");
            assertThat(env.get("OMPI_COMM_WORLD_LOCAL_RANK").asText()).isEqualTo(Integer.toString(rank % 2));
            assertThat(env.get("OMPI_COMM_WORLD_LOCAL_SIZE").asText()).isEqualTo("2");
            assertThat(env.get("OMPI_COMM_WORLD_NODE_RANK").asText()).isEqualTo(Integer.toString(rank / 2));
        }
    }

    @Test
    void eachTensorflowProcessGetsTfConfigWithItsTask() throws Exception {
        String script = """
                import json, os
                print(json.dumps({"TF_CONFIG": os.environ["TF_CONFIG"], "RANK": os.environ["RANK"]}))
                config = json.loads(os.environ["TF_CONFIG"])
                task = config["task"]
                print("task", task["type"], task["index"], "of", config["cluster"][task["type"]])
                """;
        RunRecord ended = run(job(script, "{type: tensorflow, worker_count: 3, parameter_server_count: 1}", 2), null);

        assertThat(ended.status).as(read(store.driverLog(ended.id))).isEqualTo(RunStatus.Completed);
        assertThat(ended.distributed().ranks()).isEqualTo(4);
        Map<Integer, String> tasks = Map.of(0, "worker\", \"index\": 0", 1, "worker\", \"index\": 1",
                2, "worker\", \"index\": 2", 3, "ps\", \"index\": 0");
        for (int rank = 0; rank < 4; rank++) {
            String config = environmentOf(ended.id, rank).get("TF_CONFIG").asText();
            assertThat(config).contains("\"worker\": [\"node-0:2222\", \"node-0:2223\", \"node-1:2222\"]")
                    .contains("\"ps\": [\"node-1:2223\"]").contains("\"type\": \"" + tasks.get(rank));
        }
    }

    @Test
    void aRankThatRaisesFailsTheJobStopsTheOthersAndKeepsEveryLog() throws Exception {
        // The stimulus: rank 3 fails once the others are running (its 2 s), and they would run on for 300 s.
        String script = """
                import os, time
                rank = int(os.environ["RANK"])
                print("rank", rank, "started", flush=True)
                if rank == 3:
                    time.sleep(2)
                    raise ValueError("boom in rank 3")
                time.sleep(300)
                """;
        Instant start = Instant.now();
        RunRecord ended = run(job(script, "{type: pytorch, process_count_per_instance: 2}", 2), null);

        assertThat(Duration.between(start, Instant.now())).as("the others were stopped").isLessThan(Duration.ofSeconds(90));
        assertThat(ended.status).isEqualTo(RunStatus.Failed);
        assertThat(ended.distributed().failedRank()).isEqualTo(3);
        assertThat(ended.exitCode).isEqualTo(1);
        assertThat(ended.error).contains("rank 3 failed first").contains("ValueError: boom in rank 3");
        for (int rank = 0; rank < 4; rank++) {
            assertThat(read(store.processLog(ended.id, rank))).contains("rank " + rank + " started");
        }
        assertThat(read(store.processLog(ended.id, 3))).contains("Traceback").contains("ValueError: boom in rank 3");
        assertThat(new RunContainers(docker()).findAll(ended.id)).isEmpty();
    }

    @Test
    void cancelStopsEveryNode() throws Exception {
        // The stimulus: ranks that run until cancelled.
        RunSpec spec = job("import time\nprint('waiting', flush=True)\ntime.sleep(300)\n", "{type: pytorch, process_count_per_instance: 2}", 2);
        String id = queue.queue(spec);
        LocalRun started = runner.start(id, spec, false, null, RunListener.NONE);
        CompletableFuture<RunRecord> ended = CompletableFuture.supplyAsync(() -> {
            try {
                return started.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> read(store.processLog(id, 3)).contains("waiting"));

        new RunCanceller(store, new RunContainers(docker())).cancel(id);

        RunRecord record = ended.get();
        assertThat(record.status).isEqualTo(RunStatus.Canceled);
        assertThat(record.distributed().failedRank()).isNull();
        assertThat(new RunContainers(docker()).findAll(id)).isEmpty();
    }

    @Test
    void chosenRanksRunUnderTheDebugPrefixWithTheirOwnEnvironment() throws Exception {
        RunSpec spec = job("import os\nprint('script ran as rank', os.environ['RANK'])\n",
                "{type: pytorch, process_count_per_instance: 2}", 2);
        RankDebug debug = new RankDebug(Set.of(1, 2), List.of("/bin/sh", "/aml/code/wrap.sh"),
                Map.of("AML_DEBUG_HUB_TOKEN", "secret-1"), List.of());

        RunRecord ended = run(spec, debug);

        assertThat(ended.status).as(read(store.driverLog(ended.id))).isEqualTo(RunStatus.Completed);
        for (int rank = 0; rank < 4; rank++) {
            String log = read(store.processLog(ended.id, rank));
            assertThat(log).contains("script ran as rank " + rank);
            if (rank == 1 || rank == 2) {
                assertThat(log).contains("WRAPPED rank=" + rank + " token=secret-1");
            } else {
                assertThat(log).doesNotContain("WRAPPED");
            }
        }
    }

    @Test
    void detachedRunIsFollowedInTheBackgroundAndAFailedRankStopsTheOtherNode() throws Exception {
        // The stimulus: rank 0 fails at once; rank 1 would run for 300 s unless stopped.
        RunSpec spec = job("""
                import os, sys, time
                if os.environ["RANK"] == "0":
                    sys.exit(5)
                time.sleep(300)
                """, "{type: pytorch, process_count_per_instance: 1}", 2);
        String id = queue.queue(spec);
        runner.start(id, spec, true, null, RunListener.NONE);

        RunRecord ended = new DetachedRunFollower(docker(), store).follow(id);

        assertThat(ended.status).isEqualTo(RunStatus.Failed);
        assertThat(ended.distributed().failedRank()).isZero();
        assertThat(ended.exitCode).isEqualTo(5);
        assertThat(new RunContainers(docker()).findAll(id)).isEmpty();
    }

    @Test
    void runWhoseProcessDiedIsReconciledAndItsNodesRemoved() throws Exception {
        RunSpec spec = job("print('done')\n", "{type: pytorch, process_count_per_instance: 2}", 2);
        String id = queue.queue(spec);
        runner.start(id, spec, true, null, RunListener.NONE);
        RunContainers containers = new RunContainers(docker());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> containers.findAll(id).stream().noneMatch(RunContainers::isRunning));

        List<String> notes = new Reconciler(store, containers).reconcile();

        RunRecord record = store.read(id);
        assertThat(notes).singleElement().asString().contains(id).contains("Completed");
        assertThat(record.status).isEqualTo(RunStatus.Completed);
        assertThat(read(store.driverLog(id))).contains("[rank 3] done");
        assertThat(containers.findAll(id)).isEmpty();
        assertThat(docker().listNetworksCmd().withNameFilter(RunNetworks.name(id)).exec()).isEmpty();
    }
}
