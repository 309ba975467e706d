package dev.amldebug.runner.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.spec.EnvironmentSpec;
import org.junit.jupiter.api.Test;

class DockerfileGeneratorTest {
    private final DockerfileGenerator generator = new DockerfileGenerator();

    @Test
    void imageOnlyAddsDebugpyIfMissingAndNothingElse() {
        String dockerfile = generator.generate(EnvironmentSpec.ofImage("python:3.11"), "python:3.11");
        assertThat(dockerfile).contains("FROM python:3.11\n")
                .contains("RUN /bin/sh /tmp/aml-debug/aml_python.sh /tmp/aml-debug/ensure_packages.py --optional 'debugpy'")
                .doesNotContain("conda.yml")
                .doesNotContain("COPY . ");
    }

    @Test
    void condaDependenciesComeBeforeDebugpyWithCondaOrPipFallback() {
        String dockerfile = generator.generate(EnvironmentSpec.ofImage("base:1",
                "dependencies:\n  - python=3.10\n  - numpy=1.26\n  - pip:\n    - requests==2.31\n"), "base:1");
        int conda = dockerfile.indexOf("conda env update -n base -f /tmp/aml-debug/conda.yml");
        int debugpy = dockerfile.indexOf("'debugpy'");
        assertThat(conda).isPositive().isLessThan(debugpy);
        assertThat(dockerfile).contains("ensure_packages.py 'numpy==1.26' 'requests==2.31'; fi");
    }

    @Test
    void buildEnvironmentStartsFromTheImageBuiltFromItsFolder() {
        String dockerfile = generator.generate(EnvironmentSpec.ofBuild(java.nio.file.Path.of("/ctx"), "Dockerfile"),
                "aml-debug/env:abc-base");
        assertThat(dockerfile).contains("FROM aml-debug/env:abc-base\n");
    }
}
