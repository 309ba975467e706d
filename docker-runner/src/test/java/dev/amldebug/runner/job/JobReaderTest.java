package dev.amldebug.runner.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.runner.yaml.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobReaderTest {
    @TempDir
    Path dir;

    private CommandJob read(String yaml) throws IOException {
        Path file = dir.resolve("job.yml");
        Files.writeString(file, yaml);
        return new JobReader().read(file);
    }

    @Test
    void readsWhatAJobSaysWithoutResolvingIt() throws IOException {
        CommandJob job = read("""
                code: src
                command: python train.py --n ${{inputs.n}}
                inputs:
                  n: 3
                  table: {type: uri_file, path: ./data.csv, mode: download}
                  remote: {path: azureml:iris:1}
                  web: {path: https://example.com/iris.csv}
                  declared: {type: integer}
                outputs:
                  model: {type: mlflow_model}
                  logs:
                environment: azureml:AzureML-sklearn-1.5@latest
                compute: azureml:cpu
                identity: {type: managed}
                distribution: {type: pytorch, process_count_per_instance: 2}
                resources: {instance_count: 2, shm_size: 4g}
                """);
        assertThat(job.command().text("'command'")).isEqualTo("python train.py --n ${{inputs.n}}");
        assertThat(job.codeDir()).isEqualTo(dir.resolve("src"));
        assertThat(job.inputs()).containsOnlyKeys("n", "table", "remote", "web", "declared");
        assertThat(job.inputs().get("n").kind()).isEqualTo(JobInput.Kind.LITERAL);
        assertThat(job.inputs().get("n").value()).isEqualTo("3");
        assertThat(job.inputs().get("table").kind()).isEqualTo(JobInput.Kind.LOCAL_PATH);
        assertThat(job.inputs().get("table").mode().text("mode")).isEqualTo("download");
        assertThat(job.inputs().get("remote").kind()).isEqualTo(JobInput.Kind.REFERENCE);
        assertThat(job.inputs().get("web").kind()).isEqualTo(JobInput.Kind.REFERENCE);
        assertThat(job.inputs().get("declared").kind()).isEqualTo(JobInput.Kind.NO_PATH);
        assertThat(job.outputs().get("model").type().text("type")).isEqualTo("mlflow_model");
        assertThat(job.outputs().get("logs").type()).isNull();
        assertThat(job.environment().reference()).isEqualTo("azureml:AzureML-sklearn-1.5@latest");
        assertThat(job.compute().text("compute")).isEqualTo("azureml:cpu");
        assertThat(job.identity()).isNotNull();
        assertThat(job.distribution().processCountPerInstance().text("n")).isEqualTo("2");
        assertThat(job.resources().shmSize().text("s")).isEqualTo("4g");
        assertThat(job.environmentVariables()).isNull();
    }

    @Test
    void anUnknownKeyIsRefusedWhereItStands() throws IOException {
        assertThatThrownBy(() -> read("command: echo\nresources: {instance_count: 1, gpu: 1}\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("job.yml:2:32: unknown key 'gpu' in 'resources'");
        assertThatThrownBy(() -> read("command: echo\ninputs:\n  d: {path: ., kind: folder}\n"))
                .hasMessageContaining("job.yml:3:16: unknown key 'kind' in input d");
    }

    @Test
    void anInlineEnvironmentKeepsItsParts() throws IOException {
        JobEnvironment environment = read("command: echo\nenvironment: {image: python:3.11, conda_file: conda.yml}\n")
                .environment();
        assertThat(environment.isReference()).isFalse();
        assertThat(environment.image().text("image")).isEqualTo("python:3.11");
        assertThat(environment.condaFile().text("conda")).isEqualTo("conda.yml");
        assertThat(environment.build()).isNull();
    }
}
