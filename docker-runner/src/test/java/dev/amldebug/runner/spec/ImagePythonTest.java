package dev.amldebug.runner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finder script, run by this machine's /bin/sh with a PATH of the test's own. */
class ImagePythonTest {
    @TempDir
    Path dir;

    @Test
    void prefersPython3OnThePath() throws Exception {
        fakePython(dir.resolve("bin/python3"), "python3");
        fakePython(dir.resolve("bin/python"), "python");

        assertThat(run(dir.resolve("bin").toString(), "x.py")).isEqualTo("python3 x.py");
    }

    @Test
    void takesPythonWhenThereIsNoPython3() throws Exception {
        fakePython(dir.resolve("bin/python"), "python");

        assertThat(run(dir.resolve("bin").toString(), "x.py", "a b")).isEqualTo("python x.py a b");
    }

    @Test
    void anImageWithoutPythonSaysSoAndExits127() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Process process = start(dir.resolve("empty").toString(), "x.py");

        assertThat(process.waitFor()).isEqualTo(127);
        assertThat(new String(process.getInputStream().readAllBytes())).contains("this image has no Python");
    }

    @Test
    void keepsItsArgumentsApartFromTheScript() {
        List<String> command = ImagePython.command("train.py", "--lr", "0.1");

        assertThat(ImagePython.isCommand(command)).isTrue();
        assertThat(ImagePython.arguments(command)).containsExactly("train.py", "--lr", "0.1");
        assertThat(ImagePython.isCommand(List.of("python", "train.py"))).isFalse();
    }

    private static void fakePython(Path file, String name) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\necho " + name + " \"$@\"\n");
        file.toFile().setExecutable(true);
    }

    private String run(String path, String... arguments) throws Exception {
        Process process = start(path, arguments);
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static Process start(String path, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(ImagePython.command(arguments));
        command.set(0, "/bin/sh");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", path);
        return builder.start();
    }
}
