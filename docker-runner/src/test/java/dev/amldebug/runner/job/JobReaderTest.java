package dev.amldebug.runner.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.runner.yaml.SpecException;
import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
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

    /** The steps of a pipeline file, each read by the model; a component file is found beside the pipeline. */
    private JobStep step(String name, String pipeline) throws IOException {
        Path file = dir.resolve("pipeline.yml");
        Files.writeString(file, pipeline);
        YamlValue value = YamlFiles.read(file).entries("a pipeline").get("jobs").entries("jobs").get(name);
        return new JobReader().readStep(name, value, component -> dir.resolve(component.text("component")));
    }

    @Test
    void anInlineStepKeepsItsOwnCommandAndBindings() throws IOException {
        JobStep step = step("prep", """
                jobs:
                  prep:
                    type: command
                    code: src
                    command: python prep.py --out ${{outputs.table}}
                    environment: {image: python:3.11}
                    inputs: {rows: '${{parent.inputs.rows}}'}
                    outputs: {table: '${{parent.outputs.table}}'}
                    environment_variables: {MODE: fast}
                    compute: azureml:cpu
                    resources: {instance_count: 2}
                """);
        assertThat(step.isInline()).isTrue();
        assertThat(step.job().command().text("command")).isEqualTo("python prep.py --out ${{outputs.table}}");
        assertThat(step.job().codeDir()).isEqualTo(dir.resolve("src"));
        assertThat(step.job().environment().image().text("image")).isEqualTo("python:3.11");
        assertThat(step.job().inputs().get("rows").value()).isEqualTo("${{parent.inputs.rows}}");
        assertThat(step.job().outputs().get("table").at().text("table")).isEqualTo("${{parent.outputs.table}}");
        assertThat(step.job().environmentVariables()).containsEntry("MODE", "fast");
        assertThat(step.job().compute().text("compute")).isEqualTo("azureml:cpu");
        assertThat(step.job().resources().instanceCount().text("n")).isEqualTo("2");
    }

    @Test
    void aStepWithAComponentFileTakesWhatItRunsFromTheFile() throws IOException {
        Files.createDirectories(dir.resolve("components/src"));
        Files.writeString(dir.resolve("components/train.yml"), """
                type: command
                display_name: train-it
                code: src
                command: python train.py --lr ${{inputs.lr}} --model ${{outputs.model}}
                environment: azureml:sklearn@latest
                inputs:
                  lr: {type: number, default: 0.1, optional: true}
                outputs:
                  model: {type: uri_folder}
                environment_variables: {SEED: '1'}
                distribution: {type: pytorch}
                """);
        JobStep step = step("train", """
                jobs:
                  train:
                    component: components/train.yml
                    inputs: {lr: 0.2}
                    display_name: training
                """);
        CommandComponent component = step.component();
        assertThat(step.isInline()).isFalse();
        assertThat(component.file()).isEqualTo(dir.resolve("components/train.yml"));
        assertThat(component.codeDir()).isEqualTo(dir.resolve("components/src"));
        assertThat(component.environment().reference()).isEqualTo("azureml:sklearn@latest");
        assertThat(component.inputs().get("lr").defaultValue().text("default")).isEqualTo("0.1");
        assertThat(component.inputs().get("lr").optional().bool("optional")).isTrue();
        assertThat(component.outputs()).containsOnlyKeys("model");
        assertThat(component.environmentVariables()).containsEntry("SEED", "1");
        assertThat(component.distribution().type().text("type")).isEqualTo("pytorch");
        assertThat(component.displayName().text("name")).isEqualTo("train-it");
        assertThat(step.job().displayName().text("name")).isEqualTo("training");
        assertThat(step.job().inputs().get("lr").value()).isEqualTo("0.2");
    }

    @Test
    void aStepWithAnInlineComponentResolvesItsPathsAgainstThePipeline() throws IOException {
        JobStep step = step("train", """
                jobs:
                  train:
                    component:
                      code: src
                      command: python train.py
                      environment: {image: python:3.11}
                      inputs:
                """);
        assertThat(step.component().file()).isNull();
        assertThat(step.component().codeDir()).isEqualTo(dir.resolve("src"));
        assertThat(step.component().command().text("command")).isEqualTo("python train.py");
        assertThat(step.component().inputs()).isEmpty();
        assertThat(step.job().inputs()).isNull();
    }

    @Test
    void aStepsUnknownKeyIsRefusedWhereItStands() throws IOException {
        assertThatThrownBy(() -> step("prep", "jobs:\n  prep:\n    command: echo\n    comptue: cpu\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("pipeline.yml:4:5: unknown key 'comptue' in step prep");
        assertThatThrownBy(() -> step("prep", "jobs:\n  prep:\n    component: {command: echo, gpus: 1}\n"))
                .hasMessageContaining("pipeline.yml:3:32: unknown key 'gpus' in a command component");
        assertThatThrownBy(() -> step("prep", "jobs:\n  prep:\n    component: {inputs: {n: {type: integer, path: x}}}\n"))
                .hasMessageContaining("pipeline.yml:3:45: unknown key 'path' in input n");
        assertThatThrownBy(() -> step("prep", "jobs:\n  prep:\n    component: {command: echo}\n    command: echo\n"))
                .hasMessageContaining("pipeline.yml:4:14: step prep takes its command from its component");
    }
}
