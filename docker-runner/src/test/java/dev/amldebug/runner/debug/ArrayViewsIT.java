package dev.amldebug.runner.debug;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static dev.amldebug.runner.testing.Projects.read;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.run.StartOptions;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrays, tensors, frames and big lists in the variables view of real debugpy under the shim (its pydevd extension,
 * startup/pydevd_plugins). numpy and pandas come with the base image; torch with the distributed example's image,
 * which the tensor test builds (Debian's python3-torch: a few minutes the first time).
 */
@ExtendWith(DockerResources.class)
class ArrayViewsIT {
    private static final String SCRIPT = """
            import numpy as np, pandas as pd
            small = np.array([[1.5, -2.0], [4.0, 0.5]], dtype=np.float32)
            weights = np.arange(4096 * 4096, dtype=np.float32).reshape(4096, 4096)
            frame = pd.DataFrame({'x': [1, 2, 3], 'y': [0.5, 1.5, 2.5]})
            numbers = list(range(10_000_000))
            print('looked at', len(numbers))
            """;
    private static final String TENSORS = """
            import torch
            weights = torch.arange(12, dtype=torch.float32).reshape(3, 4)
            big = torch.ones(4096, 4096)
            print('looked at', weights.shape, big.shape)
            """;

    @TempDir
    Path dir;

    private LocalRunner runner;

    @Test
    void arraysAndFramesShowShapeAndDtypeAndExpandToTheirStatisticsBigOnesFromASample() throws Exception {
        LocalRun run = start(write(dir.resolve("project"), "arrays.py", SCRIPT));
        try (DapTestClient dap = attached(run, "/aml/code/arrays.py", 6)) {
            int thread = dap.await(StoppedEventArguments.class).getThreadId();
            Map<String, Variable> locals = dap.variables(dap.localsReference(dap.stackTrace(thread)[0]));
            assertThat(values(locals)).containsEntry("small", "ndarray[2, 2] float32")
                    .containsEntry("weights", "ndarray[4096, 4096] float32").containsEntry("frame", "DataFrame[3 x 2]");

            assertThat(values(dap.variables(locals.get("small").getVariablesReference()))).containsExactlyEntriesOf(
                    ordered("shape", "(2, 2)", "dtype", "float32", "size", "4", "min", "-2.0", "max", "4.0",
                            "mean", "1.0", "first", "[1.5, -2.0, 4.0, 0.5]"));

            Map<String, String> weights = values(dap.variables(locals.get("weights").getVariablesReference()));
            assertThat(weights).containsEntry("shape", "(4096, 4096)").containsEntry("size", "16777216")
                    .containsEntry("first", "[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]");
            assertThat(weights.get("min")).as("more than 10 million elements: a sample").startsWith("≈ 0.0 (sample of ")
                    .endsWith(" of 16,777,216)");
            assertThat(weights.get("max")).startsWith("≈ ");

            Map<String, Variable> frame = dap.variables(locals.get("frame").getVariablesReference());
            assertThat(values(frame)).containsExactlyEntriesOf(ordered("shape", "(3, 2)", "columns", "2 columns"));
            Map<String, Variable> columns = dap.variables(frame.get("columns").getVariablesReference());
            assertThat(values(columns)).containsExactlyEntriesOf(ordered("'x'", "Series[3] int64", "'y'", "Series[3] float64"));
            assertThat(values(dap.variables(columns.get("'y'").getVariablesReference())))
                    .containsEntry("min", "0.5").containsEntry("max", "2.5").containsEntry("mean", "1.5");

            Map<String, Variable> numbers = dap.variables(locals.get("numbers").getVariablesReference());
            assertThat(numbers).as("pydevd pages a list: 100 items, then 'more' in buckets").hasSizeLessThan(110)
                    .containsKeys("0000099", "more").doesNotContainKey("0000100");
            dap.resume(thread);
        }
        assertEndsWell(run);
    }

    @Test
    void tensorsShowTheirDeviceToo() throws Exception {
        Path project = dir.resolve("tensors");
        write(project, "tensors.py", TENSORS);
        write(project, "docker/Dockerfile", read(Path.of("../examples/distributed/docker/Dockerfile")));
        LocalRun run = start(write(project, "job.yml", "command: python tensors.py\nenvironment: {build: {path: docker}}\n"));
        try (DapTestClient dap = attached(run, "/aml/code/tensors.py", 4)) {
            int thread = dap.await(StoppedEventArguments.class).getThreadId();
            Map<String, Variable> locals = dap.variables(dap.localsReference(dap.stackTrace(thread)[0]));
            assertThat(values(locals)).containsEntry("weights", "Tensor[3, 4] float32 cpu")
                    .containsEntry("big", "Tensor[4096, 4096] float32 cpu");
            assertThat(values(dap.variables(locals.get("weights").getVariablesReference()))).containsExactlyEntriesOf(
                    ordered("shape", "(3, 4)", "dtype", "torch.float32", "device", "cpu", "size", "12", "min", "0.0",
                            "max", "11.0", "mean", "5.5", "first", "[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]"));
            assertThat(values(dap.variables(locals.get("big").getVariablesReference())).get("mean"))
                    .startsWith("≈ 1.0 (sample of ").endsWith(" of 16,777,216)");
            dap.resume(thread);
        }
        assertEndsWell(run);
    }

    private LocalRun start(Path file) {
        runner = new LocalRunner(docker(), new RunStore(dir.resolve("workspace")), new ImageUsage(dir.resolve("cache")));
        RunSpec spec = new RunSpecLoader(BASE_IMAGE).load(file, null, List.of());
        return runner.start(runner.queue(spec), spec, StartOptions.debug(new DebugOptions(60, true, false)), RunListener.NONE);
    }

    private static DapTestClient attached(LocalRun run, String path, int line) throws InterruptedException {
        String[] endpoint = run.record().debugEndpoint.split(":");
        DapTestClient dap = DapTestClient.initialized(endpoint[0], Integer.parseInt(endpoint[1]), Duration.ofSeconds(60));
        dap.attach(Map.of("justMyCode", true), path, line);
        return dap;
    }

    private void assertEndsWell(LocalRun run) throws InterruptedException {
        RunRecord ended = run.await();
        assertThat(ended.exitCode).as(read(runner.store().driverLog(ended.id))).isZero();
    }

    private static Map<String, String> values(Map<String, Variable> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach((name, variable) -> values.put(name, variable.getValue()));
        return values;
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
