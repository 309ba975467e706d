package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.SpecException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.run.RunIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentNamesTest {
    @TempDir
    Path dir;

    @Test
    void namesFollowAzureMlsRule() {
        assertThat(ExperimentNames.isValid("digits-sgd_v1.2")).isTrue();
        assertThat(ExperimentNames.isValid("x".repeat(255))).isTrue();
        assertThat(ExperimentNames.isValid("x".repeat(256))).isFalse();
        assertThat(ExperimentNames.isValid("_lead")).isFalse();
        assertThat(ExperimentNames.isValid("two\nlines")).isFalse();
        assertThat(ExperimentNames.isValid("")).isFalse();
    }

    @Test
    void aBadNameIsShownEscapedAndShortened() {
        assertThatThrownBy(() -> ExperimentNames.check("a\nb")).isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("'a\\nb' does not");
        assertThatThrownBy(() -> ExperimentNames.check("y".repeat(300))).hasMessageContaining("(300 characters)");
    }

    @Test
    void aJobsBadExperimentNameIsAnErrorAtItsLine() throws IOException {
        Files.writeString(dir.resolve("t.py"), "print(1)\n");
        Path job = Files.writeString(dir.resolve("job.yml"), "command: python t.py\nenvironment:\n  image: x\n"
                + "experiment_name: \"bad\\nname\"\n");
        assertThatThrownBy(() -> new JobYamlParser().parse(job, null)).isInstanceOf(SpecException.class)
                .hasMessageContaining(":4:").hasMessageContaining("An experiment name takes");
    }

    @Test
    void aFolderNameBecomesAValidName() {
        assertThat(ExperimentNames.fromFolder("my project (2)")).isEqualTo("my_project__2_");
        assertThat(ExperimentNames.fromFolder("...")).isEqualTo("experiment");
        assertThat(ExperimentNames.isValid(ExperimentNames.fromFolder("z".repeat(400)))).isTrue();
    }

    @Test
    void theLongestNameStillMakesARunFolderName() {
        assertThat(RunIds.next("x".repeat(255), 1795512050L).length()).isLessThan(255);
    }
}
