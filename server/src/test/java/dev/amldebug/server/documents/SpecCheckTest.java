package dev.amldebug.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of document, from the real examples as they are and with a typo in them: what the readers say about it,
 * where, as an error or a warning, and the key a typo meant.
 */
class SpecCheckTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    private static String example(String file) throws IOException {
        return Files.readString(EXAMPLES.resolve(file));
    }

    private static List<SpecProblem> check(String file, String text) {
        return SpecCheck.check(EXAMPLES.resolve(file), text);
    }

    /** The 1-based line of the first line of {@code text} that holds {@code words}. */
    private static int lineOf(String text, String words) {
        List<String> lines = text.lines().toList();
        return lines.indexOf(lines.stream().filter(l -> l.contains(words)).findFirst().orElseThrow()) + 1;
    }

    @Test
    void theExamplesAsTheyAreHaveNoErrors() throws IOException {
        for (String file : List.of("digits/job.yml", "digits/env.yml", "digits/.azureml/digits.runconfig",
                "pipeline/pipeline.yml", "pipeline/train.yml", "deployment/deployment.yml")) {
            assertThat(check(file, example(file))).as(file).allMatch(SpecProblem::warning);
        }
    }

    @Test
    void aPipelineStepsTyposAreAllFoundWithTheKeysTheyMeant() throws IOException {
        String pipeline = example("pipeline/pipeline.yml").replace("    display_name: prep", "    dispaly_name: prep")
                .replace("  continue_on_step_failure", "  continue_on_step_faillure");
        List<SpecProblem> problems = check("pipeline/pipeline.yml", pipeline);
        assertThat(problems).hasSize(2).noneMatch(SpecProblem::warning);
        assertThat(problems.get(0).line()).isEqualTo(lineOf(pipeline, "continue_on_step_faillure"));
        assertThat(problems.get(0).column()).isEqualTo(3);
        assertThat(problems.get(0).replacement()).hasValue("continue_on_step_failure");
        assertThat(problems.get(1).line()).isEqualTo(lineOf(pipeline, "dispaly_name"));
        assertThat(problems.get(1).column()).isEqualTo(5);
        assertThat(problems.get(1).message()).contains("unknown key 'dispaly_name'");
        assertThat(problems.get(1).replacement()).hasValue("display_name");
    }

    @Test
    void aPipelinesReaderChecksWhatTheStepsNeed() throws IOException {
        String pipeline = example("pipeline/pipeline.yml").replace("component: ./train.yml", "component: ./trian.yml");
        assertThat(check("pipeline/pipeline.yml", pipeline)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(pipeline, "trian.yml"));
            assertThat(problem.message()).contains("trian.yml").contains("does not exist");
        });
    }

    @Test
    void aProblemInAStepsComponentFileStandsWhereThePipelineNamesIt(@TempDir Path folder) throws IOException {
        for (String file : List.of("pipeline.yml", "conda.yml", "src/prep/prep.py", "src/train/train.py")) {
            Files.createDirectories(folder.resolve(file).getParent());
            Files.copy(EXAMPLES.resolve("pipeline").resolve(file), folder.resolve(file));
        }
        String component = example("pipeline/train.yml").replace("code: src/train", "cdoe: src/train");
        Files.writeString(folder.resolve("train.yml"), component);
        String pipeline = example("pipeline/pipeline.yml");
        assertThat(SpecCheck.check(folder.resolve("pipeline.yml"), pipeline)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(pipeline, "component: ./train.yml"));
            assertThat(problem.column()).isEqualTo("    component: ./".length() + 1);
            assertThat(problem.length()).isEqualTo("train.yml".length());
            assertThat(problem.message()).startsWith("train.yml:" + lineOf(component, "cdoe") + ":1: unknown key 'cdoe'");
            assertThat(problem.replacement()).as("no quick fix for another file").isEmpty();
        });
    }

    @Test
    void aComponentWithATypoIsAComponentsProblem() throws IOException {
        String component = example("pipeline/train.yml").replace("    default: 5", "    defualt: 5");
        assertThat(check("pipeline/train.yml", component)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(component, "defualt"));
            assertThat(problem.replacement()).hasValue("default");
        });
    }

    @Test
    void aDeploymentsIgnoredKeysAreWarningsOnTheirLines() throws IOException {
        String deployment = example("deployment/deployment.yml");
        List<SpecProblem> problems = check("deployment/deployment.yml", deployment);
        assertThat(problems).hasSize(2).allMatch(SpecProblem::warning);
        assertThat(problems.get(0).line()).isEqualTo(lineOf(deployment, "instance_type"));
        assertThat(problems.get(0).message()).isEqualTo("'instance_type' means nothing for a local deployment; ignored.");
        assertThat(problems.get(1).line()).isEqualTo(lineOf(deployment, "instance_count"));
    }

    @Test
    void aDeploymentsTypoAndItsMissingPartsAreErrors() throws IOException {
        String deployment = example("deployment/deployment.yml").replace("  scoring_script:", "  scoring_scirpt:");
        List<SpecProblem> errors = check("deployment/deployment.yml", deployment).stream().filter(p -> !p.warning()).toList();
        assertThat(errors).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(deployment, "scoring_scirpt"));
            assertThat(problem.column()).isEqualTo(3);
            assertThat(problem.message()).contains("'code_configuration'");
            assertThat(problem.replacement()).hasValue("scoring_script");
        });
        String noModel = example("deployment/deployment.yml").replace("path: ./model", "path: ./no-such-model");
        assertThat(check("deployment/deployment.yml", noModel)).filteredOn(p -> !p.warning()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("no-such-model").contains("does not exist"));
    }

    @Test
    void anEnvironmentFileGetsTheEnvironmentsChecks() throws IOException {
        String env = example("digits/env.yml").replace("conda_file:", "conda_flie:");
        assertThat(check("digits/env.yml", env)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(env, "conda_flie"));
            assertThat(problem.replacement()).hasValue("conda_file");
        });
        String missingConda = example("digits/env.yml").replace("conda_file: conda.yml", "conda_file: gone.yml");
        assertThat(check("digits/env.yml", missingConda)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("gone.yml does not exist"));
    }

    @Test
    void aRunConfigurationsNestedTypoIsFound() throws IOException {
        String runconfig = example("digits/.azureml/digits.runconfig").replace("    baseImage:", "    baseImgae:");
        assertThat(check("digits/.azureml/digits.runconfig", runconfig)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(lineOf(runconfig, "baseImgae"));
            assertThat(problem.column()).isEqualTo(5);
            assertThat(problem.replacement()).hasValue("baseImage");
        });
        String noScript = example("digits/.azureml/digits.runconfig").replace("script: train.py", "script: tran.py");
        assertThat(check("digits/.azureml/digits.runconfig", noScript)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("tran.py does not exist"));
    }

    @Test
    void aCommandJobsTyposAreAllFound() throws IOException {
        String job = example("digits/job.yml").replace("environment:", "enviroment:").replace("  conda_file", "  conda_flie");
        List<SpecProblem> problems = check("digits/job.yml", job);
        assertThat(problems).extracting(SpecProblem::replacement).extracting(r -> r.orElse(null))
                .containsExactly("environment", "conda_file");
    }

    @Test
    void otherYamlGetsNothingAtAll() throws IOException {
        assertThat(check("digits/conda.yml", example("digits/conda.yml"))).isEmpty();
        assertThat(check("digits/conda.yml", "name: x\ndependencies: [python\n")).as("even broken").isEmpty();
        assertThat(check("ci.yml", "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n")).isEmpty();
        assertThat(check("values.yaml", "replicaCount: 1\nimage:\n  repository: nginx\n")).isEmpty();
        assertThat(check("new.yml", "")).isEmpty();
    }
}
