package dev.amldebug.runner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.spec.InputMount;
import dev.amldebug.runner.spec.RunSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExamplePipelineTest {
    private static final Path EXAMPLE = Path.of("../examples/pipeline").toAbsolutePath().normalize();

    private final PipelineSpec spec = new PipelineYamlParser().parse(EXAMPLE.resolve("pipeline.yml"));

    @Test
    void bundledPipelineParsesWithPrepBeforeTrain() {
        assertThat(spec.steps()).extracting(PipelineStep::name).containsExactly("prep", "train");
        assertThat(spec.experimentName()).isEqualTo("digits-pipeline");
        assertThat(spec.defaultCompute()).isEqualTo("azureml:cpu-cluster");
        assertThat(spec.inputs()).containsExactly(Map.entry("pixel_max", "16"), Map.entry("epochs", "5"));
        assertThat(spec.outputs()).containsExactly(Map.entry("trained_model", "train.model"));
        assertThat(spec.step("train").componentFile()).isEqualTo(EXAMPLE.resolve("train.yml"));
        assertThat(spec.step("prep").environment().image()).isEqualTo("mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest");
        assertThat(spec.step("prep").environment().condaYaml()).contains("scikit-learn", "pandas");
    }

    @Test
    void trainReadsPrepsTableThroughAReadOnlyMount() {
        Path table = EXAMPLE.resolve(".azureml/runs/prep-run/outputs/table");
        RunSpec train = spec.step("train").runSpec((step, output) -> table, "digits-pipeline");

        assertThat(train.inputs()).containsExactly(new InputMount("table", table, "/aml/inputs/table"));
        assertThat(train.command()).last().isEqualTo("python train.py --table /aml/inputs/table --epochs 5"
                + " --learning-rate 0.01 --test-size 0.25 --model /aml/code/outputs/model");
        assertThat(train.codeDir()).isEqualTo(EXAMPLE.resolve("src/train"));
        assertThat(spec.step("prep").runSpec((step, output) -> null, "digits-pipeline").command()).last()
                .isEqualTo("python prep.py --pixel-max 16 --table /aml/code/outputs/table");
    }
}
