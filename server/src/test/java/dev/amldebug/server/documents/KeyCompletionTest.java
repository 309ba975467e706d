package dev.amldebug.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyCompletionTest {
    private static final String JOB = "code: src\ncommand: python train.py\nenv\n";

    @Test
    void aTopLevelKeyBeingTypedGetsTheJobsKeysItHasNotGot() {
        assertThat(KeyCompletion.at(JOB, 2, 3)).containsExactly("environment", "environment_variables")
                .doesNotContain("code", "command");
    }

    @Test
    void aBlankTopLevelLineGetsEveryKeyLeft() {
        assertThat(KeyCompletion.at("code: src\ncommand: x\n\n", 2, 0)).contains("environment", "inputs", "compute")
                .doesNotContain("code", "command");
    }

    @Test
    void aPipelineGetsAPipelinesKeys() {
        assertThat(KeyCompletion.at("type: pipeline\nj\n", 1, 1)).containsExactly("jobs");
    }

    @Test
    void noKeysInsideAValueOrANestedMappingOrAnotherDocument() {
        assertThat(KeyCompletion.at(JOB, 1, 12)).as("after the colon").isEmpty();
        assertThat(KeyCompletion.at("code: src\ninputs:\n  da\n", 2, 4)).as("nested").isEmpty();
        assertThat(KeyCompletion.at("name: my-env\nimage: python\n\n", 2, 0)).as("an environment").isEmpty();
    }
}
