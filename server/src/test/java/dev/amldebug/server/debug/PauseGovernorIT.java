package dev.amldebug.server.debug;

import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.console.Location;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pause governor with real PyTorch: four gloo ranks whose script asks for a 5-second process-group timeout; rank 1
 * is held at a breakpoint for 15 s while the other three wait in an all_reduce for it. With the governor the job ends
 * well; without it (AML_DEBUG_PAUSE_GOVERNOR=0) the three time out, as they would under any other debugger. Both
 * PyTorch images of scripts/setup-torch-image.sh: 1.13 (held for the run) and 2.6 (which sets the clocks back).
 */
@ExtendWith(DockerResources.class)
class PauseGovernorIT {
    static final String TRAIN = """
            import datetime, os
            import torch, torch.distributed as dist
            dist.init_process_group("gloo", timeout=datetime.timedelta(seconds=5))
            rank = dist.get_rank()
            total = torch.zeros(1)
            for step in range(3):
                value = torch.tensor([float(rank + 1)])
                if rank == 1 and step == 1:
                    held = step
                dist.all_reduce(value)
                total += value
            print(f"rank {rank} total {total.item()}", flush=True)
            dist.destroy_process_group()
            """;
    private static final long HOLD_MILLIS = 15_000;

    @TempDir
    Path project;
    @TempDir
    Path cache;

    /**
     * PyTorch 2.6 and its debugpy 1.8, without a debugger attached: rank 1 comes 8 s late to an all_reduce whose group
     * asked for 5 s. Held by the governor, it waits; without the governor (the control) it times out.
     */
    static final String LATE = """
            import datetime, os, sys, time
            if os.environ.get("GOVERNED") == "1":
                sys.path.insert(0, "/aml/debug")
                import aml_debug_governor
                governor = aml_debug_governor.install()
            import torch, torch.distributed as dist
            dist.init_process_group("gloo", timeout=datetime.timedelta(seconds=5))
            rank = dist.get_rank()
            dist.barrier()
            if rank == 1:
                time.sleep(8)
            try:
                dist.all_reduce(torch.ones(1))
                print(f"rank {rank}: ok", flush=True)
                dist.destroy_process_group()
            except RuntimeError:
                print(f"rank {rank}: timed out", flush=True)
                sys.exit(3)
            """;

    @Test
    void onPyTorch26TheGovernorHoldsACollectiveThatWouldTimeOut() throws Exception {
        write(project, "late.py", LATE);
        try (HubRanks ranks = new HubRanks(project, cache)) {
            String governed = ranks.plain("aml-debug/torch:trixie", 2, "late.py", torch(List.of("WORLD_SIZE=2",
                    "GOVERNED=1")));
            String control = ranks.plain("aml-debug/torch:trixie", 2, "late.py", torch(List.of("WORLD_SIZE=2")));
            assertThat(ranks.exitCode(governed)).as(ranks.logs(governed)).isZero();
            assertThat(ranks.logs(governed)).contains("rank 0: ok", "rank 1: ok");
            assertThat(ranks.exitCode(control)).isNotZero();
            assertThat(ranks.logs(control)).contains("rank 0: timed out");
        }
    }

    @Test
    void aRankHeldLongerThanTheTimeoutKillsNothingAndTheConsoleSaysWhy() throws Exception {
        String image = "aml-debug/torch:bookworm";
        write(project, "train.py", TRAIN);
        try (HubRanks ranks = new HubRanks(project, cache)) {
            ConsoleOnHub console = new ConsoleOnHub(ranks, project, new Location(project.resolve("train.py"), 9), 4);
            String node = ranks.node(0, 4, "train.py", ranks.hub.token(), "--wait-timeout 60", image, torch(List.of()));
            console.awaitText(text -> text.contains("rank 1 stopped at train.py:9 in <module>"));
            Thread.sleep(HOLD_MILLIS);
            console.type("ranks");
            console.awaitText(text -> text.contains("pause governor: process-group timeouts stretched (held 7 days;"
                    + " the script asked 5 s)"));
            assertThat(console.text()).containsPattern("\\s1\\s+0\\s+\\d+\\s+stopped at train.py:9, paused \\d+ s\n");
            for (int other : new int[] {0, 2, 3}) {
                // Waiting in the all_reduce for rank 1, or paused before it if it was still in Python when rank 1 stopped.
                assertThat(console.text()).containsPattern("\\s" + other + "\\s+0\\s+\\d+\\s+(running \\(waits at train.py:10"
                        + " in <module>; pauses when that returns\\)|stopped at train.py:\\d+, paused \\d+ s \\(stop-the-world\\))");
            }
            console.type("c");
            console.awaitText(text -> text.matches("(?s).*continued \\d ranks? \\(stop-the-world\\).*"));
            assertThat(console.end()).isNotNull();
            assertThat(ranks.exitCode(node)).as(ranks.logs(node)).isZero();
            assertThat(ranks.logs(node)).contains("rank 0 total 30.0", "rank 1 total 30.0", "rank 3 total 30.0")
                    .doesNotContain("Timed out");
        }
    }

    @Test
    void withoutTheGovernorTheSameHoldKillsTheJob() throws Exception {
        write(project, "train.py", TRAIN);
        try (HubRanks ranks = new HubRanks(project, cache)) {
            ConsoleOnHub console = new ConsoleOnHub(ranks, project, new Location(project.resolve("train.py"), 9), 4);
            String node = ranks.node(0, 4, "train.py", ranks.hub.token(), "--wait-timeout 60", "aml-debug/torch:bookworm",
                    torch(List.of("AML_DEBUG_PAUSE_GOVERNOR=0")));
            console.awaitText(text -> text.contains("rank 1 stopped at train.py:9 in <module>"));
            Thread.sleep(HOLD_MILLIS);
            console.type("c");
            assertThat(console.end()).isNotNull();
            assertThat(ranks.exitCode(node)).isNotZero();
            assertThat(ranks.logs(node)).contains("Timed out").doesNotContain("rank 0 total 30.0");
        }
    }

    /** One node of four ranks: gloo over loopback (trixie's PyTorch is built without libuv). */
    private static List<String> torch(List<String> more) {
        List<String> env = new java.util.ArrayList<>(List.of("MASTER_ADDR=127.0.0.1", "MASTER_PORT=29500", "USE_LIBUV=0"));
        env.addAll(more);
        if (env.stream().noneMatch(variable -> variable.startsWith("WORLD_SIZE="))) {
            env.add("WORLD_SIZE=4");
        }
        return env;
    }
}
