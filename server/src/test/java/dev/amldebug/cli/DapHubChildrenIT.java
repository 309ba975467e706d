package dev.amldebug.cli;

import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.DapBridge;
import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LoopbackPair;
import dev.amldebug.bridge.hub.HubChild;
import dev.amldebug.bridge.hub.HubParent;
import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.server.debug.HubRanks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DAP client that answers startDebugging gets a child session per rank from the parent session: half of them
 * over a new connection to an adapter in the hub's process, half through `aml-debug dap` processes of their own
 * (the loopback handoff and its one-time tickets).
 */
@ExtendWith(DockerResources.class)
class DapHubChildrenIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path project;
    @TempDir
    Path cache;

    @Test
    void aClientThatAnswersStartDebuggingGetsFourChildSessionsThatEachStopAndFinish() throws Exception {
        write(project, "train.py", "import os\nrank = int(os.environ['RANK'])\nvalue = rank * 10\nprint('done', value)\n");
        try (HubRanks ranks = new HubRanks(project, cache); LoopbackPair parentPair = LoopbackPair.open()) {
            BridgeTarget run = BridgeTarget.of("127.0.0.1", 1, ranks.pathMappings());
            serve(new DapBridge(HubParent.target(ranks.hub, run, ranks.executor), DapTrace.NONE, ranks.executor),
                    parentPair, ranks);
            DapTestClient parent = new DapTestClient(parentPair.left().getInputStream(),
                    parentPair.left().getOutputStream(), parentPair.left()).waitingUpTo(WAIT);
            parent.initialize("azureml", true);
            parent.answer(parent.attach(Map.of("runId", "hub-it"), null));
            List<String> nodes = List.of(ranks.nodeWithToken(0, 2, "train.py"), ranks.nodeWithToken(1, 2, "train.py"));

            List<DapTestClient> children = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Map<String, ?> configuration = parent.await(StartDebuggingRequestArguments.class).getConfiguration();
                names.add((String) configuration.get("name"));
                DapTestClient child = ((Number) configuration.get("rank")).intValue() % 2 == 0 ? inProcess(ranks) : dapProcess();
                child.waitingUpTo(WAIT).initialize("azureml", false);
                child.attach(configuration, project.resolve("train.py").toString(), 4);
                children.add(child);
            }
            assertThat(names).containsExactlyInAnyOrder("rank 0 (node 0)", "rank 1 (node 0)", "rank 2 (node 1)",
                    "rank 3 (node 1)");
            DapTestClient.continueEach(children);
            for (String node : nodes) {
                assertThat(ranks.exitCode(node)).as(ranks.logs(node)).isZero();
            }
        }
    }

    /** A new connection to an adapter in this process, as VS Code opens for a child session of a server adapter. */
    private static DapTestClient inProcess(HubRanks ranks) throws Exception {
        LoopbackPair pair = LoopbackPair.open();
        serve(new DapBridge(request -> HubChild.target(request.get("arguments")), DapTrace.NONE, ranks.executor),
                pair, ranks);
        return new DapTestClient(pair.left().getInputStream(), pair.left().getOutputStream(), pair);
    }

    /** A client that starts an adapter process per session. */
    private static DapTestClient dapProcess() throws Exception {
        JarProcess adapter = JarProcess.startPiped("dap");
        return new DapTestClient(adapter.stdout(), adapter.stdin(), () -> adapter.waitFor(30));
    }

    private static void serve(DapBridge bridge, LoopbackPair pair, HubRanks ranks) {
        ranks.executor.execute(() -> {
            try {
                bridge.run(pair.right().getInputStream(), pair.right().getOutputStream());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
