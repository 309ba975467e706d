package dev.amldebug.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCompletionTest {
    private static final Path YML = Path.of("job.yml");
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final String JOB = "code: src\ncommand: python train.py\nenv\n";

    /** The keys offered on a new line typed after {@code after} in an example, with {@code typed} on it. */
    private static List<String> inExample(String file, String after, String typed) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readString(EXAMPLES.resolve(file)).lines().toList());
        int at = lines.indexOf(lines.stream().filter(l -> l.contains(after)).findFirst().orElseThrow()) + 1;
        lines.add(at, typed);
        return KeyCompletion.at(EXAMPLES.resolve(file), String.join("\n", lines), at, typed.length());
    }

    @Test
    void aTopLevelKeyBeingTypedGetsTheJobsKeysItHasNotGot() {
        assertThat(KeyCompletion.at(YML, JOB, 2, 3)).containsExactly("environment", "environment_variables")
                .doesNotContain("code", "command");
    }

    @Test
    void aBlankTopLevelLineGetsEveryKeyLeft() {
        assertThat(KeyCompletion.at(YML, "code: src\ncommand: x\n\n", 2, 0)).contains("environment", "inputs", "compute")
                .doesNotContain("code", "command");
    }

    @Test
    void aPipelineGetsAPipelinesKeys() {
        assertThat(KeyCompletion.at(YML, "type: pipeline\nj\n", 1, 1)).containsExactly("jobs");
    }

    @Test
    void nestedKeysComeFromTheReadersKeysAtThatLevel() throws IOException {
        assertThat(inExample("pipeline/pipeline.yml", "continue_on_step_failure", "  force")).containsExactly("force_rerun");
        assertThat(inExample("pipeline/pipeline.yml", "display_name: prep-digits-table", "    disp"))
                .as("a step already has its display_name").isEmpty();
        assertThat(inExample("pipeline/pipeline.yml", "display_name: prep-digits-table", "    comp"))
                .containsExactly("component", "compute");
        assertThat(inExample("pipeline/pipeline.yml", "conda_file: conda.yml", "      bu")).as("a step's environment")
                .containsExactly("build");
        assertThat(inExample("pipeline/train.yml", "default: 5", "    opt")).as("a component's input")
                .containsExactly("optional");
        assertThat(inExample("deployment/deployment.yml", "scoring_script", "  co")).containsExactly();
        assertThat(inExample("deployment/deployment.yml", "request_timeout_ms", "  max"))
                .containsExactly("max_concurrent_requests_per_instance", "max_queue_wait_ms");
        assertThat(inExample("digits/.azureml/digits.runconfig", "baseImage", "    shm")).containsExactly("shmSize");
        assertThat(inExample("digits/env.yml", "conda_file", "os")).containsExactly("os_type");
    }

    @Test
    void noKeysInsideAValueAListNamesOrAnotherDocument() throws IOException {
        assertThat(KeyCompletion.at(YML, JOB, 1, 12)).as("after the colon").isEmpty();
        assertThat(KeyCompletion.at(YML, "code: src\ninputs:\n  da\n", 2, 4)).as("input names are the user's").isEmpty();
        assertThat(KeyCompletion.at(YML, "code: src\ninputs:\n  data:\n    pa\n", 3, 6)).containsExactly("path");
        assertThat(KeyCompletion.at(YML, "code: src\nargs:\n  - a\n  - \n", 3, 4)).as("a list").isEmpty();
        assertThat(inExample("digits/conda.yml", "channels", "  ")).as("a conda file").isEmpty();
    }
}
