package dev.amldebug.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandWrapperTest {
    private static final DebugOptions WAIT_60_ABORT = new DebugOptions(60, true, false);

    @Test
    void scriptCommandGetsTheShimBetweenPythonAndScript() {
        assertThat(CommandWrapper.wrap(List.of("python", "train.py", "--epochs", "3"), WAIT_60_ABORT))
                .containsExactly("python", "/aml/debug/aml_debug_shim.py", "--listen", "0.0.0.0:5678", "--wait-timeout",
                        "60", "--on-timeout", "abort", "--", "train.py", "--epochs", "3");
    }

    @Test
    void shellCommandWrapsItsFirstPythonInvocationOnly() {
        List<String> wrapped = CommandWrapper.wrap(List.of("/bin/sh", "-c",
                "pip list > /dev/null; DATA=/x python -u train.py --lr 0.1 && python report.py"), new DebugOptions(5, false, true));
        assertThat(wrapped.get(2)).isEqualTo("pip list > /dev/null; DATA=/x python /aml/debug/aml_debug_shim.py"
                + " --listen 0.0.0.0:5678 --no-wait -- -u train.py --lr 0.1 && python report.py");
    }

    @Test
    void aRemoteStepsShellCommandRunsUnderTheShimInItsSnapshot() {
        assertThat(CommandWrapper.wrapShell("python train.py --table ${{inputs.table}}", WAIT_60_ABORT, ".aml_debug/aml_debug_shim.py"))
                .isEqualTo("python .aml_debug/aml_debug_shim.py --listen 0.0.0.0:5678 --wait-timeout 60 --on-timeout abort"
                        + " -- train.py --table ${{inputs.table}}");
    }

    @Test
    void postMortemStartsAtOnceAndPassesItsTimeoutToTheShim() {
        assertThat(CommandWrapper.wrap(List.of("python", "train.py"), DebugOptions.postMortemOnly(null)))
                .containsExactly("python", "/aml/debug/aml_debug_shim.py", "--listen", "0.0.0.0:5678", "--no-wait",
                        "--post-mortem", "--post-mortem-timeout", "" + DebugOptions.DEFAULT_POST_MORTEM_SECONDS, "--", "train.py");
        assertThat(CommandWrapper.wrap(List.of("python", "train.py"), WAIT_60_ABORT.withPostMortem(30)))
                .containsSubsequence("--wait-timeout", "60", "--on-timeout", "abort", "--post-mortem", "--post-mortem-timeout",
                        "30", "--", "train.py");
    }

    @Test
    void commandWithoutPythonCannotBeDebugged() {
        assertThatThrownBy(() -> CommandWrapper.wrap(List.of("/bin/sh", "-c", "echo hi"), WAIT_60_ABORT))
                .hasMessageContaining("needs the command to run Python");
        assertThatThrownBy(() -> CommandWrapper.wrap(List.of("Rscript", "a.R"), WAIT_60_ABORT))
                .hasMessageContaining("needs a Python command");
    }
}
