package dev.amldebug.runner.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigParserTest {
    @TempDir
    Path dir;

    private final RunConfigParser parser = new RunConfigParser("default:img");

    private Path runconfig(String yaml) throws IOException {
        Files.createDirectories(dir.resolve(".azureml"));
        Files.writeString(dir.resolve("train.py"), "print(1)\n");
        Path file = dir.resolve(".azureml/train.runconfig");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsScriptArgumentsImageCondaAndVariables() throws IOException {
        RunSpec spec = parser.parse(runconfig("""
                script: train.py
                arguments: [--alpha, 0.1]
                environmentVariables: {TOP: "1"}
                environment:
                  environmentVariables: {ENV: "2"}
                  python:
                    userManagedDependencies: false
                    condaDependencies:
                      dependencies: [numpy, {pip: [requests==2.31]}]
                  docker:
                    baseImage: my/base:1
                """), null);
        assertThat(spec.codeDir()).isEqualTo(dir);
        assertThat(ImagePython.arguments(spec.command())).containsExactly("train.py", "--alpha", "0.1");
        assertThat(spec.environment().image()).isEqualTo("my/base:1");
        assertThat(spec.environment().condaYaml()).contains("numpy").contains("requests==2.31");
        assertThat(spec.environmentVariables()).containsEntry("TOP", "1").containsEntry("ENV", "2");
    }

    @Test
    void userManagedDependenciesInstallNothingAndDefaultImageApplies() throws IOException {
        RunSpec spec = parser.parse(runconfig("""
                script: train.py
                environment:
                  python: {userManagedDependencies: true, condaDependencies: {dependencies: [numpy]}}
                """), null);
        assertThat(spec.environment()).isEqualTo(EnvironmentSpec.ofImage("default:img"));
    }

    @Test
    void missingScriptIsAnErrorAtTheScriptLine() throws IOException {
        Path file = runconfig("target: local\nscript: nope.py\n");
        assertThatThrownBy(() -> parser.parse(file, null))
                .hasMessageStartingWith(file + ":2:9: script " + dir.resolve("nope.py") + " does not exist");
    }

    @Test
    void unknownKeyInANestedSectionIsAnError() throws IOException {
        Path file = runconfig("script: train.py\nenvironment:\n  docker:\n    baseImg: x\n");
        assertThatThrownBy(() -> parser.parse(file, null))
                .hasMessageStartingWith(file + ":4:5: unknown key 'baseImg' in 'docker'");
    }

    @Test
    void bundledExampleParses() {
        RunSpec spec = parser.parse(Path.of("../examples/digits/.azureml/digits.runconfig"), null);
        assertThat(spec.codeDir().getFileName().toString()).isEqualTo("digits");
        assertThat(spec.command()).containsExactly("python", "train.py", "--epochs", "3", "--learning-rate", "0.02");
        assertThat(spec.environment().condaYaml()).contains("scikit-learn");
    }
}
