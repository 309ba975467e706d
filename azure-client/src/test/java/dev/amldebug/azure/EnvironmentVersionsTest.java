package dev.amldebug.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvironmentVersionsTest {
    @Test
    void versionIsTheHashOfImageAndCondaText() {
        String version = EnvironmentVersions.version("python:3.11", "dependencies: [numpy]\n");

        assertThat(version).hasSize(32).matches("[0-9a-f]+");
        assertThat(EnvironmentVersions.version("python:3.11", "dependencies: [numpy]\n")).isEqualTo(version);
        assertThat(EnvironmentVersions.version("python:3.11", null)).isNotEqualTo(version)
                .isEqualTo(EnvironmentVersions.version("python:3.11", ""));
    }
}
