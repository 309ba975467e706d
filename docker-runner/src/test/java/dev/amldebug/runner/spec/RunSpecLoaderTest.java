package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.SpecException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSpecLoaderTest {
    @TempDir
    Path dir;

    private final RunSpecLoader loader = new RunSpecLoader("default:img");

    @Test
    void bareScriptGetsTheDefaultEnvironmentAndItsArguments() throws IOException {
        Path script = Files.writeString(dir.resolve("score.py"), "print(1)\n");
        RunSpec spec = loader.load(script, null, List.of("--x", "1"));
        assertThat(ImagePython.arguments(spec.command())).containsExactly("score.py", "--x", "1");
        assertThat(spec.environment()).isEqualTo(EnvironmentSpec.ofImage("default:img"));
        assertThat(spec.codeDir()).isEqualTo(dir);
    }

    @Test
    void missingScriptIsAnError() {
        assertThatThrownBy(() -> loader.load(dir.resolve("gone.py"), null, List.of()))
                .isInstanceOf(SpecException.class).hasMessageEndingWith("gone.py: script not found");
    }

    @Test
    void envFileReplacesTheEnvironment() throws IOException {
        Path script = Files.writeString(dir.resolve("t.py"), "print(1)\n");
        Path env = Files.writeString(dir.resolve("env.yml"), "name: e\nimage: other:2\n");
        assertThat(loader.load(script, env, List.of()).environment().image()).isEqualTo("other:2");
    }

    @Test
    void argumentsForAShellCommandAreQuoted() throws IOException {
        Files.writeString(dir.resolve("t.py"), "print(1)\n");
        Path job = Files.writeString(dir.resolve("job.yml"), "command: python t.py\nenvironment: {image: x}\n");
        RunSpec spec = loader.load(job, null, List.of("--name", "it's here"));
        assertThat(spec.command().get(2)).isEqualTo("python t.py --name 'it'\\''s here'");
    }

    @Test
    void unknownFileKindIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("job.json"), "{}");
        assertThatThrownBy(() -> loader.load(file, null, List.of()))
                .hasMessageContaining("expected a job YAML (.yml), a .runconfig or a Python script (.py)");
    }
}
