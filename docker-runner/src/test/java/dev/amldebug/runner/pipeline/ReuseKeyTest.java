package dev.amldebug.runner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReuseKeyTest {
    private static final String PIPELINE = """
            type: pipeline
            display_name: first
            inputs:
              raw: {type: uri_folder, path: ./data}
            jobs:
              prep:
                display_name: prepare
                code: src
                command: python prep.py --raw ${{inputs.raw}} --rows ${{inputs.rows}} --out ${{outputs.table}}
                inputs:
                  raw: ${{parent.inputs.raw}}
                  rows: 10
                outputs:
                  table: {type: uri_folder}
                environment: {image: python:3.11}
              train:
                code: src
                command: python train.py --data ${{inputs.data}}
                inputs:
                  data: ${{parent.jobs.prep.outputs.table}}
                environment: {image: python:3.11}
            """;
    private static final Function<String, String> UPSTREAM = step -> "key-of-" + step;

    @TempDir
    Path dir;

    @BeforeEach
    void writeProject() throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("src/prep.py"), "print('prep')\n");
        Files.writeString(dir.resolve("src/train.py"), "print('train')\n");
        Files.writeString(dir.resolve("data/raw.csv"), "a,b\n1,2\n");
        Files.writeString(dir.resolve("pipeline.yml"), PIPELINE);
    }

    private String prepKey() {
        return new PipelineYamlParser().parse(dir.resolve("pipeline.yml")).step("prep").reuseKey(UPSTREAM);
    }

    private String trainKey(Function<String, String> upstream) {
        return new PipelineYamlParser().parse(dir.resolve("pipeline.yml")).step("train").reuseKey(upstream);
    }

    private interface Change {
        void make() throws IOException;
    }

    private void assertKeyChanges(Change change) throws IOException {
        String before = prepKey();
        change.make();
        assertThat(prepKey()).isNotEqualTo(before);
    }

    /** Replaces the first {@code text} in the pipeline: the prep step's. */
    private void rewrite(String text, String replacement) throws IOException {
        String pipeline = Files.readString(dir.resolve("pipeline.yml"));
        assertThat(pipeline).contains(text);
        Files.writeString(dir.resolve("pipeline.yml"), pipeline.replaceFirst(Pattern.quote(text), Matcher.quoteReplacement(replacement)));
    }

    @Test
    void keyIsAStableSha256() {
        assertThat(prepKey()).matches("[0-9a-f]{64}").isEqualTo(prepKey());
    }

    @Test
    void keyStaysWhenNothingThatMattersChanges() throws IOException {
        String before = prepKey();
        Files.createDirectories(dir.resolve("src/__pycache__"));
        Files.writeString(dir.resolve("src/__pycache__/prep.cpython-311.pyc"), "bytes");
        Files.createDirectories(dir.resolve("src/outputs"));
        Files.writeString(dir.resolve("src/outputs/old.txt"), "an earlier run's output");
        Files.createDirectories(dir.resolve("src/.azureml/runs"));
        Files.writeString(dir.resolve("src/.azureml/runs/run.json"), "{}");
        Files.createDirectories(dir.resolve("src/.git"));
        Files.writeString(dir.resolve("src/.git/HEAD"), "ref");
        Files.writeString(dir.resolve("pipeline.yml"), PIPELINE.replace("display_name: prepare", "display_name: again")
                .replace("display_name: first", "display_name: second"));
        Files.setLastModifiedTime(dir.resolve("src/prep.py"), java.nio.file.attribute.FileTime.fromMillis(0));

        assertThat(prepKey()).isEqualTo(before);
    }

    @Test
    void keyChangesWithTheCode() throws IOException {
        assertKeyChanges(() -> Files.writeString(dir.resolve("src/prep.py"), "print('prep, changed')\n"));
        assertKeyChanges(() -> Files.writeString(dir.resolve("src/helper.py"), "X = 1\n"));
    }

    @Test
    void keyChangesWithTheCommand() throws IOException {
        assertKeyChanges(() -> rewrite("--rows ${{inputs.rows}}", "--rows=${{inputs.rows}}"));
    }

    @Test
    void keyChangesWithALiteralInput() throws IOException {
        assertKeyChanges(() -> rewrite("rows: 10", "rows: 11"));
    }

    @Test
    void keyChangesWithTheBytesOfALocalInput() throws IOException {
        assertKeyChanges(() -> Files.writeString(dir.resolve("data/raw.csv"), "a,b\n1,3\n"));
    }

    @Test
    void keyChangesWithTheEnvironment() throws IOException {
        assertKeyChanges(() -> rewrite("python:3.11", "python:3.12"));
    }

    @Test
    void keyFollowsTheUpstreamStepsKey() {
        assertThat(trainKey(UPSTREAM)).isEqualTo(trainKey(UPSTREAM))
                .isNotEqualTo(trainKey(step -> "another-key-of-" + step));
    }
}
