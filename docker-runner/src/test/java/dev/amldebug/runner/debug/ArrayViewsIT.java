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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrays, frames and big lists in the variables view of real debugpy under the shim (its pydevd extension,
 * startup/pydevd_plugins). The base image has numpy and pandas, not torch: tensors are not covered here.
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

    @TempDir
    Path dir;

    @Test
    void arraysAndFramesShowShapeAndDtypeAndExpandToTheirStatisticsBigOnesFromASample() throws Exception {
        LocalRunner runner = new LocalRunner(docker(), new RunStore(dir.resolve("workspace")), new ImageUsage(dir.resolve("cache")));
        RunSpec spec = new RunSpecLoader(BASE_IMAGE).load(write(dir.resolve("project"), "arrays.py", SCRIPT), null, List.of());
        LocalRun run = runner.start(runner.queue(spec), spec, StartOptions.debug(new DebugOptions(60, true, false)),
                RunListener.NONE);
        String[] endpoint = run.record().debugEndpoint.split(":");
        try (DapTestClient dap = DapTestClient.initialized(endpoint[0], Integer.parseInt(endpoint[1]), Duration.ofSeconds(60))) {
            dap.attach(Map.of("justMyCode", true), "/aml/code/arrays.py", 6);
            int thread = dap.await(StoppedEventArguments.class).getThreadId();
            Map<String, Variable> locals = variables(dap, localsReference(dap, dap.stackTrace(thread)[0]));
            assertThat(values(locals)).containsEntry("small", "ndarray[2, 2] float32")
                    .containsEntry("weights", "ndarray[4096, 4096] float32").containsEntry("frame", "DataFrame[3 x 2]");

            assertThat(values(variables(dap, locals.get("small").getVariablesReference()))).containsExactlyEntriesOf(
                    ordered("shape", "(2, 2)", "dtype", "float32", "size", "4", "min", "-2.0", "max", "4.0",
                            "mean", "1.0", "first", "[1.5, -2.0, 4.0, 0.5]"));

            Map<String, String> weights = values(variables(dap, locals.get("weights").getVariablesReference()));
            assertThat(weights).containsEntry("shape", "(4096, 4096)").containsEntry("size", "16777216")
                    .containsEntry("first", "[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]");
            assertThat(weights.get("min")).as("more than 10 million elements: a sample").startsWith("≈ 0.0 (sample of ")
                    .endsWith(" of 16,777,216)");
            assertThat(weights.get("max")).startsWith("≈ ");

            Map<String, Variable> frame = variables(dap, locals.get("frame").getVariablesReference());
            assertThat(values(frame)).containsExactlyEntriesOf(ordered("shape", "(3, 2)", "columns", "2 columns"));
            Map<String, Variable> columns = variables(dap, frame.get("columns").getVariablesReference());
            assertThat(values(columns)).containsExactlyEntriesOf(ordered("'x'", "Series[3] int64", "'y'", "Series[3] float64"));
            assertThat(values(variables(dap, columns.get("'y'").getVariablesReference())))
                    .containsEntry("min", "0.5").containsEntry("max", "2.5").containsEntry("mean", "1.5");

            Map<String, Variable> numbers = variables(dap, locals.get("numbers").getVariablesReference());
            assertThat(numbers).as("pydevd pages a list: 100 items, then 'more' in buckets").hasSizeLessThan(110)
                    .containsKeys("0000099", "more").doesNotContainKey("0000100");
            dap.resume(thread);
        }
        RunRecord ended = run.await();
        assertThat(ended.exitCode).as(read(runner.store().driverLog(ended.id))).isZero();
    }

    private static int localsReference(DapTestClient dap, StackFrame frame) {
        ScopesArguments scopes = new ScopesArguments();
        scopes.setFrameId(frame.getId());
        return dap.answer(dap.server.scopes(scopes)).getScopes()[0].getVariablesReference();
    }

    private static Map<String, Variable> variables(DapTestClient dap, int reference) {
        VariablesArguments arguments = new VariablesArguments();
        arguments.setVariablesReference(reference);
        Map<String, Variable> found = new LinkedHashMap<>();
        Arrays.stream(dap.answer(dap.server.variables(arguments)).getVariables()).forEach(v -> found.put(v.getName(), v));
        return found;
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
