package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.SpecException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobYamlParserTest {
    @TempDir
    Path dir;

    private final JobYamlParser parser = new JobYamlParser();

    @BeforeEach
    void writeProject() throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/train.py"), "print('hi')\n");
        Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
        Files.createDirectories(dir.resolve("images"));
        Files.writeString(dir.resolve("conda.yml"), "dependencies:\n  - numpy=1.26\n");
    }

    private Path job(String yaml) throws IOException {
        Path file = dir.resolve("job.yml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsCommandInputsEnvironmentAndVariables() throws IOException {
        RunSpec spec = parser.parse(job("""
                type: command
                code: ./src
                command: python train.py --data ${{inputs.table}} --imgs ${{inputs.pics}} --lr ${{inputs.lr}} --out ${{outputs.model}}
                inputs:
                  table: {type: uri_file, path: ./data.csv}
                  pics:
                    type: uri_folder
                    path: images
                  lr: 0.5
                outputs:
                  model: {type: uri_folder}
                environment:
                  image: python:3.11
                  conda_file: conda.yml
                environment_variables:
                  MODE: fast
                experiment_name: exp1
                display_name: first
                """), null);

        assertThat(spec.codeDir()).isEqualTo(dir.resolve("src"));
        assertThat(spec.command()).containsExactly("/bin/sh", "-c", "python train.py --data /aml/inputs/table/data.csv"
                + " --imgs /aml/inputs/pics --lr 0.5 --out /aml/code/outputs/model");
        assertThat(spec.inputs()).containsExactly(
                new InputMount("table", dir.resolve("data.csv"), "/aml/inputs/table/data.csv"),
                new InputMount("pics", dir.resolve("images"), "/aml/inputs/pics"));
        assertThat(spec.environment().image()).isEqualTo("python:3.11");
        assertThat(spec.environment().condaYaml()).contains("numpy=1.26");
        assertThat(spec.environmentVariables()).containsEntry("MODE", "fast");
        assertThat(spec.experimentName()).isEqualTo("exp1");
        assertThat(spec.displayName()).isEqualTo("first");
    }

    @Test
    void sharedMemoryIsAzureMlsTwoGigabytesUnlessTheJobSaysAndABadSizeNamesItsPlace() throws IOException {
        new java.io.File(dir.toFile(), "train.py").createNewFile();
        RunSpec plain = parser.parse(job("command: python train.py\nenvironment: {image: i}\n"), null);
        RunSpec sized = parser.parse(job("command: python train.py\nenvironment: {image: i}\nresources: {shm_size: 512m}\n"),
                null);
        Path bad = job("command: python train.py\nenvironment: {image: i}\nresources:\n  shm_size: lots\n");

        assertThat(plain.shmSizeBytes()).isEqualTo(2L << 30);
        assertThat(sized.shmSizeBytes()).isEqualTo(512L << 20);
        assertThatThrownBy(() -> parser.parse(bad, null)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith(bad + ":4:13: shm_size takes a size such as 2g, 512m or 1024k, not 'lots'");
    }

    @Test
    void aGpuInstanceTypeAsksForGpusAndACpuOneDoesNot() throws IOException {
        new java.io.File(dir.toFile(), "train.py").createNewFile();
        RunSpec gpu = parser.parse(job("command: python train.py\nenvironment: {image: i}\n"
                + "resources: {instance_type: Standard_NC6s_v3}\n"), null);
        RunSpec cpu = parser.parse(job("command: python train.py\nenvironment: {image: i}\n"
                + "resources: {instance_type: Standard_DS3_v2}\n"), null);

        assertThat(gpu.gpus()).isTrue();
        assertThat(cpu.gpus()).isFalse();
        assertThat(Gpus.unavailable("Status 500: {\"message\":\"could not select device driver \\\"\\\" with"
                + " capabilities: [[gpu]]\"}")).contains("(could not select device driver \"\" with capabilities:"
                + " [[gpu]])").contains("NVIDIA Container Toolkit");
    }

    @Test
    void unknownKeyIsReportedWithLineColumnAndTheKeysExpected() throws IOException {
        Path file = job("""
                code: src
                comand: python train.py
                environment: {image: python:3.11}
                """);
        assertThatThrownBy(() -> parser.parse(file, null))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith(file + ":2:1: unknown key 'comand'")
                .hasMessageContaining("expected one of:").hasMessageContaining("command");
    }

    @Test
    void wrongTypeIsReportedWhereItStands() throws IOException {
        Path file = job("""
                code: src
                command: python train.py
                environment: {image: python:3.11}
                environment_variables: [A, B]
                """);
        assertThatThrownBy(() -> parser.parse(file, null))
                .hasMessageStartingWith(file + ":4:24: expected 'environment_variables' (a mapping");
    }

    @Test
    void missingScriptInTheCodeFolderIsAnError() throws IOException {
        Path file = job("""
                code: src
                command: python tain.py --epochs 3
                environment: {image: python:3.11}
                """);
        assertThatThrownBy(() -> parser.parse(file, null))
                .hasMessageStartingWith(file + ":2:10: the command runs tain.py")
                .hasMessageContaining("does not exist in the code folder");
    }

    @Test
    void missingInputPathIsAnError() throws IOException {
        Path file = job("""
                code: src
                command: python train.py ${{inputs.d}}
                inputs:
                  d: {type: uri_file, path: ./nope.csv}
                environment: {image: python:3.11}
                """);
        assertThatThrownBy(() -> parser.parse(file, null))
                .hasMessageStartingWith(file + ":4:29: input d: file " + dir.resolve("nope.csv") + " does not exist");
    }

    @Test
    void registeredEnvironmentExplainsWhatToUseLocally() throws IOException {
        Path file = job("""
                code: src
                command: python train.py
                environment: azureml:AzureML-sklearn-1.5@latest
                """);
        assertThatThrownBy(() -> parser.parse(file, null))
                .hasMessageStartingWith(file + ":3:14: 'azureml:AzureML-sklearn-1.5@latest' is an environment registered")
                .hasMessageContaining("--env ENV.yml");
    }

    @Test
    void environmentOverrideReplacesARegisteredEnvironment() throws IOException {
        RunSpec spec = parser.parse(job("""
                code: src
                command: python train.py
                environment: azureml:AzureML-sklearn-1.5@latest
                """), EnvironmentSpec.ofImage("local:1"));
        assertThat(spec.environment().image()).isEqualTo("local:1");
    }

    @Test
    void undeclaredInputReferenceIsAnError() throws IOException {
        Path file = job("""
                code: src
                command: python train.py ${{inputs.missing}}
                environment: {image: python:3.11}
                """);
        assertThatThrownBy(() -> parser.parse(file, null))
                .hasMessageContaining(":2:10: the command uses ${{inputs.missing}}, but the job declares no inputs named missing");
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws IOException {
        Path file = job("code: src\ncommand: [python\nenvironment: {image: x}\n");
        assertThatThrownBy(() -> parser.parse(file, null))
                .isInstanceOf(SpecException.class)
                .hasMessageMatching("(?s)" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: invalid YAML: .*");
    }

    @Test
    void pipelineJobsAreRefusedWithAWayForward() throws IOException {
        Path file = job("type: pipeline\njobs: {}\n");
        assertThatThrownBy(() -> parser.parse(file, null)).hasMessageContaining("unknown key 'jobs'");
        Path other = job("type: pipeline\ncommand: python train.py\n");
        assertThatThrownBy(() -> parser.parse(other, null)).hasMessageContaining(":1:7: only command jobs run locally");
    }

    @Test
    void buildEnvironmentNeedsItsDockerfile() throws IOException {
        Files.createDirectories(dir.resolve("docker"));
        Path file = job("""
                code: src
                command: python train.py
                environment:
                  build: {path: docker}
                """);
        assertThatThrownBy(() -> parser.parse(file, null)).hasMessageContaining(":4:17: no Dockerfile in build folder");
        Files.writeString(dir.resolve("docker/Dockerfile"), "FROM python:3.11\n");
        assertThat(parser.parse(file, null).environment().buildContext()).isEqualTo(dir.resolve("docker"));
    }

    @Test
    void bundledExampleParses() {
        Path example = Path.of("../examples/digits/job.yml");
        RunSpec spec = parser.parse(example, null);
        assertThat(spec.command()).isEqualTo(List.of("/bin/sh", "-c", "python train.py --epochs 5 --learning-rate 0.01"));
        assertThat(spec.experimentName()).isEqualTo("digits");
    }
}
