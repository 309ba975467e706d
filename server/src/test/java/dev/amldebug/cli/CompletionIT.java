package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script as a user gets it: printed by the real jar, sourced in a real bash, asked as bash asks on
 * [TAB] (COMP_WORDS, COMP_CWORD, the registered function), its words checked.
 */
class CompletionIT {
    @RegisterExtension
    static final FakeAzureMlExtension AZURE = new FakeAzureMlExtension();

    /** bin/aml-debug of this checkout: the command the user typed, which the script calls back for words. */
    private static final Path COMMAND = Path.of("../bin/aml-debug").toAbsolutePath().normalize();

    @TempDir
    static Path shared;
    private static Path script;

    @TempDir
    Path folder;

    @BeforeAll
    static void printTheScript() throws Exception {
        JarProcess bash = JarProcess.start("completion", "bash");
        assertThat(bash.waitFor(60)).as(bash.output()).isZero();
        script = Files.writeString(shared.resolve("aml-debug.bash"), bash.output());
    }

    @Test
    void theScriptRegistersItselfAndCompletesCommandsAndOptions() throws Exception {
        assertThat(bash(Map.of(), "complete -p aml-debug")).contains("-F _aml_debug_complete");
        assertThat(complete(Map.of(), "aml-debug", "ru")).containsExactlyInAnyOrder("run", "runs");
        assertThat(complete(Map.of(), "aml-debug", "runs", "sh")).containsExactly("show");
        assertThat(complete(Map.of(), "aml-debug", "azure", "jobs", "")).contains("list", "show", "logs", "download");
        assertThat(complete(Map.of(), "aml-debug", "completion", "")).containsExactlyInAnyOrder("bash", "zsh");
        assertThat(complete(Map.of(), "aml-debug", "runs", "logs", "--fol")).containsExactlyInAnyOrder("--follow", "--folder");
    }

    @Test
    void runIdsComeFromTheRunStoreOfTheFolderNamed() throws Exception {
        runs(folder, "digits_1_aaaaaaaa", "digits_2_bbbbbbbb", "other_3_cccccccc");
        assertThat(complete(Map.of(), COMMAND.toString(), "runs", "show", "--folder", folder.toString(), "digits"))
                .containsExactlyInAnyOrder("digits_1_aaaaaaaa", "digits_2_bbbbbbbb");
        assertThat(complete(Map.of("AML_DEBUG_WORKSPACE", folder.toString()), COMMAND.toString(), "attach", ""))
                .containsExactlyInAnyOrder("digits_1_aaaaaaaa", "digits_2_bbbbbbbb", "other_3_cccccccc");
        // bash splits --folder=DIR at '=' into three words.
        assertThat(complete(Map.of(), COMMAND.toString(), "runs", "show", "--folder", "=", folder.toString(), "other"))
                .containsExactly("other_3_cccccccc");
        // An option's value is not a run id.
        assertThat(complete(Map.of("AML_DEBUG_WORKSPACE", folder.toString()), COMMAND.toString(), "runs", "logs", "--rank", ""))
                .doesNotContain("digits_1_aaaaaaaa");
    }

    /** zsh runs the same script through its bashcompinit: it registers, and gives the same words. */
    @Test
    void zshTakesTheSameScript() throws Exception {
        runs(folder, "zsh_1_aaaaaaaa");
        JarProcess zsh = JarProcess.start("completion", "zsh");
        assertThat(zsh.waitFor(60)).as(zsh.output()).isZero();
        Path zshScript = Files.writeString(folder.resolve("aml-debug.zsh"), zsh.output());
        ProcessBuilder builder = new ProcessBuilder("zsh", "-f", "-c", "autoload -U compinit && compinit -u; source '"
                + zshScript + "'; print -r -- \"registered: ${_comps[aml-debug]}\"; emulate -L sh; setopt ksharrays; "
                + "COMP_WORDS=('" + COMMAND + "' runs show --folder '" + folder + "' ''); COMP_CWORD=5; "
                + "_aml_debug_complete; printf '%s\\n' \"${COMPREPLY[@]}\"");
        builder.environment().put("HOME", folder.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("registered: _bash_complete -F _aml_debug_complete").contains("zsh_1_aaaaaaaa");
    }

    @Test
    void stepNamesComeFromThePipelineOnTheCommandLine() throws Exception {
        Path pipeline = Path.of("../examples/pipeline/pipeline.yml").toAbsolutePath().normalize();
        assertThat(complete(Map.of(), COMMAND.toString(), "run", pipeline.toString(), "--debug-step", ""))
                .containsExactly("prep", "train");
        assertThat(complete(Map.of(), COMMAND.toString(), "run", pipeline.toString(), "--debug-step", "=", "tr"))
                .containsExactly("train");
    }

    @Test
    void jobNamesAndComputesComeFromTheWorkspace() throws Exception {
        Map<String, String> environment = FakeSignIn.into(AZURE.fake(), folder);
        environment.put("AML_DEBUG_WORKSPACE", folder.toString());
        assertThat(complete(environment, COMMAND.toString(), "azure", "jobs", "show", "job-000"))
                .contains("job-0000", "job-0001").allMatch(word -> word.startsWith("job-000"));
        assertThat(complete(environment, COMMAND.toString(), "azure", "submit", "job.yml", "--compute", ""))
                .contains("cpu-cluster", "dev-instance");
    }

    /** Completed runs with these ids in {@code folder}'s run store. */
    private static void runs(Path folder, String... ids) {
        RunStore store = new RunStore(folder);
        for (String id : ids) {
            RunRecord record = new RunRecord();
            record.id = id;
            record.experiment = id.substring(0, id.indexOf('_'));
            record.status = RunStatus.Completed;
            record.createdAt = Instant.now();
            store.create(record);
        }
    }

    /** What bash offers for the last of {@code words}, as [TAB] asks the registered function. */
    private static List<String> complete(Map<String, String> environment, String... words) throws Exception {
        String array = String.join(" ", Arrays.stream(words).map(word -> "'" + word + "'").toList());
        String output = bash(environment, "COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; "
                + "$(complete -p aml-debug | sed -E 's/.*-F ([^ ]+).*/\\1/'); printf '%s\\n' \"${COMPREPLY[@]}\"");
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static String bash(Map<String, String> environment, String commands) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "--norc", "-c", "source '" + script + "' && " + commands);
        Map<String, String> env = new HashMap<>(builder.environment());
        env.remove("AML_DEBUG_WORKSPACE");
        env.putAll(environment);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
