package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour as a person at a terminal sees it: the real jar under a real pseudo-terminal (util-linux's {@code script})
 * paints statuses and the error prefix, and paints nothing with NO_COLOR, with --no-color, or through a pipe.
 */
@ExtendWith(DockerResources.class)
class ColourIT {
    private static final String ESCAPE = "\u001b[";

    @TempDir
    Path dir;

    @BeforeEach
    void aCompletedAndAFailedRun() {
        RunStore store = new RunStore(dir);
        for (RunStatus status : List.of(RunStatus.Completed, RunStatus.Failed)) {
            RunRecord record = new RunRecord();
            record.id = "colour_" + status.ordinal() + "_aaaaaaaa";
            record.experiment = "colour";
            record.status = status;
            record.createdAt = Instant.now();
            record.startedAt = record.createdAt;
            record.endedAt = record.createdAt.plusSeconds(3);
            record.exitCode = status == RunStatus.Completed ? 0 : 1;
            store.create(record);
        }
    }

    /** The jar under a pseudo-terminal that {@code script} opens: stdout and stderr both go to it. */
    private static String underTerminal(Map<String, String> variables, String... args) throws Exception {
        return typingUnderTerminal(variables, "", args);
    }

    /** @param typed what the person types, sent at once: the terminal holds it until the command reads it */
    private static String typingUnderTerminal(Map<String, String> variables, String typed, String... args) throws Exception {
        return collect(JarProcess.underTerminal(variables, typed, args));
    }

    private static String throughPipe(String... args) throws Exception {
        ProcessBuilder builder = JarProcess.builder(args).redirectErrorStream(true);
        builder.environment().remove("NO_COLOR");
        builder.environment().put("TERM", "xterm-256color");
        return collect(builder.start());
    }

    /** Everything it printed; stdin stays open until it ends, as a terminal's would. */
    private static String collect(Process process) throws IOException, InterruptedException {
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("it did not end; output:\n" + new String(output, StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        return new String(output, StandardCharsets.UTF_8);
    }

    @Test
    void statusesAreColouredAtATerminal() throws Exception {
        String out = underTerminal(Map.of(), "runs", "list", "--folder", dir.toString());
        assertThat(out).contains(ESCAPE + "32mCompleted" + ESCAPE + "0m").contains(ESCAPE + "31mFailed" + ESCAPE + "0m");
        assertThat(out.lines().filter(l -> l.startsWith("colour_")).toList()).hasSize(2);
    }

    @Test
    void theErrorPrefixIsRedAtATerminal() throws Exception {
        String out = underTerminal(Map.of(), "runs", "show", "nope_1_aaaaaaaa", "--folder", dir.toString());
        assertThat(out).contains(ESCAPE + "31maml-debug:" + ESCAPE + "0m No run 'nope_1_aaaaaaaa'");
    }

    /** The console debugger at a terminal prompts at each stop; its "stopped at" line is yellow, unless NO_COLOR. */
    @Test
    void theConsoleDebuggersStopLinesAreColouredAtATerminal(@TempDir Path project) throws Exception {
        Path script = java.nio.file.Files.writeString(project.resolve("answer.py"), "x = 40\ny = x + 2\nprint(y)\n");
        String coloured = typingUnderTerminal(Map.of(), "c\n", "run", script.toString(), "--folder", dir.toString(),
                "--break", "answer.py:2");
        assertThat(coloured).contains(ESCAPE + "33mstopped at answer.py:2").contains("42")
                .containsPattern("run \\S+ " + java.util.regex.Pattern.quote(ESCAPE + "32mCompleted"));
        String plain = typingUnderTerminal(Map.of("NO_COLOR", "1"), "c\n", "run", script.toString(), "--folder", dir.toString(),
                "--break", "answer.py:2");
        assertThat(plain).contains("stopped at answer.py:2").doesNotContain(ESCAPE + "33m").contains("42")
                .containsPattern("run \\S+ Completed").doesNotContain(ESCAPE + "32m");
    }

    @Test
    void noColourWithNoColorWithTheFlagThroughAPipeOrAsJson() throws Exception {
        String noColorVariable = underTerminal(Map.of("NO_COLOR", "1"), "runs", "list", "--folder", dir.toString());
        String flag = underTerminal(Map.of(), "runs", "list", "--no-color", "--folder", dir.toString());
        String pipe = throughPipe("runs", "list", "--folder", dir.toString());
        String json = underTerminal(Map.of(), "runs", "list", "-o", "json", "--folder", dir.toString());
        String error = underTerminal(Map.of("NO_COLOR", "1"), "runs", "show", "nope_1_aaaaaaaa", "--folder", dir.toString());
        for (String out : List.of(noColorVariable, flag, pipe, json)) {
            assertThat(out).contains("Completed").contains("Failed").doesNotContain(ESCAPE);
        }
        assertThat(error).contains("aml-debug: No run").doesNotContain(ESCAPE);
    }
}
