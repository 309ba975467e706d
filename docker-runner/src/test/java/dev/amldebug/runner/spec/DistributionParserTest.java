package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.SpecException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionParserTest {
    @TempDir
    Path dir;

    private RunSpec parse(String distributionAndResources) throws IOException {
        Files.writeString(dir.resolve("train.py"), "print('hi')\n");
        Path file = dir.resolve("job.yml");
        Files.writeString(file, "type: command\ncommand: python train.py\nenvironment:\n  image: python:3.11\n"
                + distributionAndResources);
        return new JobYamlParser().parse(file, null);
    }

    private void assertError(String yaml, String where, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(SpecException.class)
                .hasMessageContaining("job.yml:" + where + ": ").hasMessageContaining(message);
    }

    @Test
    void readsPytorchNodesAndProcesses() throws IOException {
        Distribution distribution = parse("""
                distribution:
                  type: pytorch
                  process_count_per_instance: 2
                resources:
                  instance_count: 3
                """).distribution();

        assertThat(distribution).isEqualTo(new Distribution(Distribution.Type.pytorch, 3, 2, 6, 0));
        assertThat(distribution.rank(2, 1)).isEqualTo(5);
        assertThat(distribution.nodeOf(5)).isEqualTo(2);
    }

    @Test
    void oneProcessPerNodeAndOneNodeWhenNotSaid() throws IOException {
        assertThat(parse("distribution: {type: mpi}\n").distribution())
                .isEqualTo(new Distribution(Distribution.Type.mpi, 1, 1, 1, 0));
    }

    @Test
    void aJobWithoutDistributionIsNotDistributed() throws IOException {
        assertThat(parse("resources: {instance_count: 1, instance_type: Standard_D2}\n").isDistributed()).isFalse();
    }

    @Test
    void tensorflowSpreadsWorkersAndParameterServersOverTheNodes() throws IOException {
        Distribution distribution = parse("""
                distribution: {type: tensorflow, worker_count: 3, parameter_server_count: 2}
                resources: {instance_count: 2}
                """).distribution();

        assertThat(distribution.worldSize()).isEqualTo(5);
        assertThat(distribution.processesPerNode()).isEqualTo(3);
        assertThat(distribution.processesOn(0)).isEqualTo(3);
        assertThat(distribution.processesOn(1)).isEqualTo(2);
    }

    @Test
    void tensorflowHasAWorkerPerNodeWhenNotSaid() throws IOException {
        assertThat(parse("distribution: {type: tensorflow}\nresources: {instance_count: 2}\n").distribution())
                .isEqualTo(new Distribution(Distribution.Type.tensorflow, 2, 1, 2, 0));
    }

    @Test
    void theBundledExampleRunsTwoNodesWithTwoProcessesEach() {
        RunSpec spec = new JobYamlParser().parse(Path.of("../examples/distributed/job.yml"), null);

        assertThat(spec.distribution()).isEqualTo(Distribution.processes(Distribution.Type.pytorch, 2, 2));
        assertThat(spec.environment().isBuild()).isTrue();
    }

    @Test
    void errorsNameTheLineAndSayWhatToDo() {
        assertError("distribution: {type: horovod}\n", "5:22", "unknown distribution type 'horovod'; use pytorch, mpi or tensorflow");
        assertError("distribution: {process_count_per_instance: 2}\n", "5:15", "needs a type: add 'type: pytorch'");
        assertError("distribution: {type: pytorch, process_count_per_instance: two}\n", "5:59",
                "expected 'process_count_per_instance' to be a whole number, found 'two'");
        assertError("distribution: {type: pytorch, process_count_per_instance: 0}\n", "5:59", "to be 1 or more");
        assertError("distribution: {type: pytorch, procs: 2}\n", "5:31", "unknown key 'procs' in 'distribution'");
        assertError("distribution: {type: pytorch, worker_count: 2}\n", "5:45",
                "'worker_count' is for tensorflow; a pytorch job sets process_count_per_instance instead");
        assertError("distribution: {type: tensorflow, process_count_per_instance: 2}\n", "5:62",
                "a tensorflow job sets worker_count and parameter_server_count instead");
        assertError("distribution: {type: tensorflow, worker_count: 1}\nresources: {instance_count: 2}\n", "5:48",
                "less than instance_count (2)");
        assertError("resources: {instance_count: 2}\n", "5:29", "needs a distribution to run on several nodes");
        assertError("distribution: {type: pytorch, process_count_per_instance: 9}\nresources: {instance_count: 8}\n",
                "5:15", "local runs take up to 64");
    }
}
