package dev.amldebug.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DormantHookTest {
    @Test
    void putsTheHooksFolderFirstAndNamesThePortToWaitOn() {
        assertThat(DormantHook.environment(null)).containsExactly(
                java.util.Map.entry("PYTHONPATH", "/aml/debug/dormant"), java.util.Map.entry("AML_DEBUG_ATTACH_PORT", "25678"));
    }

    @Test
    void keepsTheRunsOwnPythonPathAfterTheHooksFolder() {
        assertThat(DormantHook.environment("src:/opt/lib")).containsEntry("PYTHONPATH", "/aml/debug/dormant:src:/opt/lib");
    }

    @Test
    void shipsTheHookInTheShimFolderOfLocalRunsButNotToAzureMl(@org.junit.jupiter.api.io.TempDir java.nio.file.Path cache) {
        assertThat(DebugShim.folder(cache).resolve("aml_debug_dormant.py")).isRegularFile();
        assertThat(DebugShim.folder(cache).resolve("dormant/sitecustomize.py")).isRegularFile();
        assertThat(DebugShim.files()).doesNotContainKeys("aml_debug_dormant.py", "dormant/sitecustomize.py")
                .containsKey("aml_debug_shim.py");
    }
}
