package dev.amldebug.runner.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.spec.EnvironmentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentHasherTest {
    private final EnvironmentHasher hasher = new EnvironmentHasher();

    @Test
    void equalEnvironmentsHashEquallyAsTwelveHexDigits() {
        String a = hasher.hash(EnvironmentSpec.ofImage("img:1", "dependencies: [numpy]\n"), "sha256:1");
        String b = hasher.hash(EnvironmentSpec.ofImage("img:1", "dependencies: [numpy]\n"), "sha256:1");
        assertThat(a).isEqualTo(b).matches("[0-9a-f]{12}");
    }

    @Test
    void condaLayoutAndCommentsDoNotCountButPackagesDo() {
        String compact = hasher.hash(EnvironmentSpec.ofImage("img:1", "dependencies: [numpy]\n"), null);
        String spaced = hasher.hash(EnvironmentSpec.ofImage("img:1", "# comment\ndependencies:\n  - numpy\n"), null);
        String other = hasher.hash(EnvironmentSpec.ofImage("img:1", "dependencies: [numpy, scipy]\n"), null);
        assertThat(spaced).isEqualTo(compact);
        assertThat(other).isNotEqualTo(compact);
    }

    @Test
    void rebuiltBaseImageGivesANewHash() {
        assertThat(hasher.hash(EnvironmentSpec.ofImage("img:1"), "sha256:1"))
                .isNotEqualTo(hasher.hash(EnvironmentSpec.ofImage("img:1"), "sha256:2"));
    }

    @Test
    void buildFolderContentCounts(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM a\n");
        String before = hasher.hash(EnvironmentSpec.ofBuild(dir, "Dockerfile"), null);
        Files.writeString(dir.resolve("requirements.txt"), "numpy\n");
        String after = hasher.hash(EnvironmentSpec.ofBuild(dir, "Dockerfile"), null);
        assertThat(after).isNotEqualTo(before);
    }
}
