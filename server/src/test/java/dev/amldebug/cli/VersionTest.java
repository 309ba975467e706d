package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;

class VersionTest {
    private static Attributes manifest(String version, String commit, String built) {
        Attributes attributes = new Attributes();
        attributes.putValue("Implementation-Version", version);
        if (commit != null) {
            attributes.putValue("Git-Commit", commit);
        }
        attributes.putValue("Build-Date", built);
        return attributes;
    }

    @Test
    void theVersionTheCommitAndTheDayOfTheBuild() {
        assertThat(Version.describe(manifest("0.1.0", "3a89ace", "2026-12-06")))
                .isEqualTo("aml-debug 0.1.0 (commit 3a89ace, built 2026-12-06)");
    }

    @Test
    void aBuildOutsideGitSaysTheCommitIsUnknown() {
        assertThat(Version.describe(manifest("0.1.0", "unknown", "2026-12-06"))).contains("(commit unknown, built 2026-12-06)");
        assertThat(Version.describe(manifest("0.1.0", null, "2026-12-06"))).contains("(commit unknown,");
    }

    @Test
    void outsideAJarItIsADevelopmentBuild() {
        assertThat(Version.describe(null)).isEqualTo("aml-debug development build");
        assertThat(new Version().getVersion()).containsExactly("aml-debug development build");
    }
}
