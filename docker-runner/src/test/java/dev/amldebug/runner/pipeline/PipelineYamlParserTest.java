package dev.amldebug.runner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import dev.amldebug.runner.spec.InputMount;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.yaml.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineYamlParserTest {
    private static final String ENV = """
                environment:
                  image: python:3.11
            """;

    @TempDir
    Path dir;

    private final PipelineYamlParser parser = new PipelineYamlParser();

    @BeforeEach
    void writeProject() throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/prep.py"), "print('prep')\n");
        Files.writeString(dir.resolve("src/train.py"), "print('train')\n");
        Files.writeString(dir.resolve("raw.csv"), "a,b\n1,2\n");
        Files.writeString(dir.resolve("train.yml"), """
                type: command
                display_name: train-component
                code: src
                command: python train.py --data ${{inputs.data}} --lr ${{inputs.lr}} --model ${{outputs.model}}
                inputs:
                  data: {type: uri_folder}
                  lr: {type: number, default: 0.1}
                outputs:
                  model: {type: uri_folder}
                environment:
                  image: python:3.11
                """);
    }

    private Path pipeline(String yaml) throws IOException {
        Path file = dir.resolve("pipeline.yml");
        Files.writeString(file, yaml);
        return file;
    }

    /** train (listed first) binds to prep's output; prep reads a pipeline path input and a literal. */
    private Path twoSteps() throws IOException {
        return pipeline("""
                type: pipeline
                experiment_name: exp
                display_name: two
                compute: azureml:cpu-cluster
                settings:
                  default_compute: azureml:cpu-cluster
                  continue_on_step_failure: true
                inputs:
                  raw: {type: uri_file, path: ./raw.csv}
                  rows: 100
                outputs:
                  final: {type: uri_folder}
                jobs:
                  train:
                    component: ./train.yml
                    inputs:
                      data: ${{parent.jobs.prep.outputs.table}}
                    outputs:
                      model: ${{parent.outputs.final}}
                  prep:
                    type: command
                    code: src
                    command: python prep.py --raw ${{inputs.raw}} --rows ${{inputs.rows}} --tag run-${{inputs.tag}} --out ${{outputs.table}}
                    inputs:
                      raw: ${{parent.inputs.raw}}
                      rows: ${{parent.inputs.rows}}
                      tag: v${{parent.inputs.rows}}
                    outputs:
                      table: {type: uri_folder}
                    environment_variables: {MODE: fast}
                    compute: azureml:cpu-cluster
                """ + ENV);
    }

    @Test
    void stepsComeInDependencyOrderWithSettings() throws IOException {
        PipelineSpec spec = parser.parse(twoSteps());

        assertThat(spec.steps()).extracting(PipelineStep::name).containsExactly("prep", "train");
        assertThat(spec.step("train").dependsOn()).containsExactly("prep");
        assertThat(spec.step("prep").dependsOn()).isEmpty();
        assertThat(spec.experimentName()).isEqualTo("exp");
        assertThat(spec.displayName()).isEqualTo("two");
        assertThat(spec.continueOnStepFailure()).isTrue();
        assertThat(spec.forceRerun()).isFalse();
        assertThat(spec.defaultCompute()).isEqualTo("azureml:cpu-cluster");
        assertThat(spec.inputs()).containsExactly(java.util.Map.entry("rows", "100"));
        assertThat(spec.outputs()).containsExactly(java.util.Map.entry("final", "train.model"));
    }

    @Test
    void independentStepsKeepFileOrder() throws IOException {
        PipelineSpec spec = parser.parse(pipeline("""
                type: pipeline
                jobs:
                  b: {command: echo b, environment: {image: python:3.11}}
                  a: {command: echo a, environment: {image: python:3.11}}
                  c: {command: echo c, environment: {image: python:3.11}}
                """));
        assertThat(spec.steps()).extracting(PipelineStep::name).containsExactly("b", "a", "c");
        assertThat(spec.experimentName()).isEqualTo(dir.getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "_")
                .replaceAll("^[^A-Za-z0-9]+", ""));
    }

    @Test
    void literalsSubstituteAndPathInputsMountReadOnly() throws IOException {
        PipelineStep prep = parser.parse(twoSteps()).step("prep");

        assertThat(prep.inputs()).containsEntry("rows", new StepInput.Literal("100"))
                .containsEntry("tag", new StepInput.Literal("v100"))
                .containsEntry("raw", new StepInput.LocalPath(dir.resolve("raw.csv"), "uri_file"));
        RunSpec run = prep.runSpec((step, output) -> {
            throw new AssertionError("prep binds to no step");
        }, "exp");
        assertThat(run.command()).containsExactly("/bin/sh", "-c", "python prep.py --raw /aml/inputs/raw/raw.csv"
                + " --rows 100 --tag run-v100 --out /aml/code/outputs/table");
        assertThat(run.inputs()).containsExactly(new InputMount("raw", dir.resolve("raw.csv"), "/aml/inputs/raw/raw.csv"));
        assertThat(run.environmentVariables()).containsEntry("MODE", "fast");
        assertThat(run.outputNames()).containsExactly("table");
        assertThat(run.codeDir()).isEqualTo(dir.resolve("src"));
        assertThat(run.displayName()).isEqualTo("prep");
        assertThat(run.source()).isEqualTo(dir.resolve("pipeline.yml"));
    }

    @Test
    void boundStepOutputsBecomeMountsOfTheUpstreamFolders() throws IOException {
        PipelineStep train = parser.parse(twoSteps()).step("train");
        Path prepOutputs = dir.resolve(".azureml/runs/child-1/outputs/table");

        RunSpec run = train.runSpec((step, output) -> step.equals("prep") && output.equals("table") ? prepOutputs : null,
                "exp");

        assertThat(train.inputs()).containsEntry("data", new StepInput.StepOutput("prep", "table"));
        assertThat(run.inputs()).containsExactly(new InputMount("data", prepOutputs, "/aml/inputs/data"));
        assertThat(run.command()).last().isEqualTo("python train.py --data /aml/inputs/data --lr 0.1"
                + " --model /aml/code/outputs/model");
    }

    @Test
    void componentStepsTakeCodeCommandAndEnvironmentFromTheComponent() throws IOException {
        PipelineStep train = parser.parse(twoSteps()).step("train");

        assertThat(train.componentFile()).isEqualTo(dir.resolve("train.yml"));
        assertThat(train.source()).isEqualTo(dir.resolve("train.yml"));
        assertThat(train.displayName()).isEqualTo("train-component");
        assertThat(train.codeDir()).isEqualTo(dir.resolve("src"));
        assertThat(train.command()).startsWith("python train.py --data ${{inputs.data}}");
        assertThat(train.environment().image()).isEqualTo("python:3.11");
        assertThat(train.inputs()).containsEntry("lr", new StepInput.Literal("0.1"));
        assertThat(train.outputNames()).containsExactly("model");
    }

    @Test
    void unknownStepIsNotFoundNamingTheSteps() throws IOException {
        PipelineSpec spec = parser.parse(twoSteps());
        assertThatThrownBy(() -> spec.step("eval")).isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("no step named 'eval'").hasMessageContaining("prep, train")
                .matches(e -> AmlDebugException.kindOf(e) == ErrorKind.NOT_FOUND);
    }

    @Test
    void cycleNamesItsStepsWhereTheyBind() throws IOException {
        Path file = pipeline("""
                type: pipeline
                jobs:
                  a:
                    command: echo ${{inputs.x}} > ${{outputs.o}}
                    inputs: {x: '${{parent.jobs.b.outputs.o}}'}
                    outputs: {o: {type: uri_folder}}
                    environment: {image: python:3.11}
                  b:
                    command: echo ${{inputs.x}} > ${{outputs.o}}
                    inputs:
                      x: ${{parent.jobs.a.outputs.o}}
                    outputs: {o: {type: uri_folder}}
                    environment: {image: python:3.11}
                """);
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith(file + ":5:17: steps a -> b -> a bind to each other's outputs in a cycle");
    }

    @Test
    void bindingToAMissingStepNamesTheSteps() throws IOException {
        Path file = pipeline(twoStepsText().replace("parent.jobs.prep.outputs.table", "parent.jobs.prepp.outputs.table"));
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith(file + ":17:13: there is no step named 'prepp' under jobs:; the steps are: train, prep");
    }

    @Test
    void bindingToAMissingOutputNamesTheOutputs() throws IOException {
        Path file = pipeline(twoStepsText().replace("parent.jobs.prep.outputs.table", "parent.jobs.prep.outputs.tabel"));
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith(file + ":17:13: step prep has no output named 'tabel'; its outputs are: table");
    }

    @Test
    void bindingToAMissingPipelineInputOrOutputNamesWhatExists() throws IOException {
        Path input = pipeline(twoStepsText().replace("rows: ${{parent.inputs.rows}}", "rows: ${{parent.inputs.row}}"));
        assertThatThrownBy(() -> parser.parse(input))
                .hasMessageStartingWith(input + ":26:13: the pipeline has no input named 'row'; its inputs are: raw, rows");
        Path output = pipeline(twoStepsText().replace("${{parent.outputs.final}}", "${{parent.outputs.fin}}"));
        assertThatThrownBy(() -> parser.parse(output))
                .hasMessageStartingWith(output + ":19:14: the pipeline has no output named 'fin'; its outputs are: final");
    }

    @Test
    void aPipelineOutputTakesOneStepOutput() throws IOException {
        Path file = pipeline(twoStepsText().replace("      table: {type: uri_folder}", "      table: ${{parent.outputs.final}}"));
        assertThatThrownBy(() -> parser.parse(file)).hasMessageStartingWith(file + ":29:14: pipeline output final is"
                + " already bound to train.model; bind each pipeline output to one step output");
    }

    @Test
    void registeredComponentSaysToGiveItsFile() throws IOException {
        Path file = pipeline(twoStepsText().replace("component: ./train.yml", "component: azureml:train:1"));
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith(file + ":15:16: 'azureml:train:1' is a component registered in Azure ML")
                .hasMessageContaining("give the component's YAML file instead, for example component: ./train.yml");
    }

    @Test
    void unknownKeysAreErrorsWhereTheyStand() throws IOException {
        Path top = pipeline(twoStepsText().replace("display_name: two", "display_nam: two"));
        assertThatThrownBy(() -> parser.parse(top)).hasMessageStartingWith(top + ":3:1: unknown key 'display_nam'");
        Path step = pipeline(twoStepsText().replace("    compute: azureml:cpu-cluster", "    comptue: x"));
        assertThatThrownBy(() -> parser.parse(step)).hasMessageStartingWith(step + ":31:5: unknown key 'comptue'");
        Path settings = pipeline(twoStepsText().replace("continue_on_step_failure", "continue_on_failure"));
        assertThatThrownBy(() -> parser.parse(settings))
                .hasMessageStartingWith(settings + ":7:3: unknown key 'continue_on_failure' in 'settings'");
    }

    @Test
    void componentInputsAndOutputsMustBeDeclared() throws IOException {
        Path file = pipeline(twoStepsText().replace("      data: ${{parent.jobs.prep.outputs.table}}",
                "      data: ${{parent.jobs.prep.outputs.table}}\n      epochs: 3"));
        assertThatThrownBy(() -> parser.parse(file)).hasMessageStartingWith(file + ":18:15: step train gives inputs"
                + " 'epochs', which its component train.yml does not declare; it declares: data, lr");
    }

    @Test
    void commandUsingAnUnboundInputIsAnErrorAtTheCommand() throws IOException {
        Path file = pipeline(twoStepsText().replace("--rows ${{inputs.rows}}", "--rows ${{inputs.rowz}}"));
        assertThatThrownBy(() -> parser.parse(file)).hasMessageStartingWith(file + ":23:14: the command uses"
                + " ${{inputs.rowz}}, but the job declares no inputs named rowz");
    }

    @Test
    void aCommandJobIsNotAPipeline() throws IOException {
        Path file = pipeline("type: command\ncommand: echo\n");
        assertThatThrownBy(() -> parser.parse(file)).hasMessageStartingWith(file + ":2:1: unknown key 'command'");
        Path typed = pipeline("type: command\njobs: {}\n");
        assertThatThrownBy(() -> parser.parse(typed)).hasMessageStartingWith(typed + ":1:7: expected type: pipeline");
    }

    private String twoStepsText() throws IOException {
        return Files.readString(twoSteps());
    }
}
