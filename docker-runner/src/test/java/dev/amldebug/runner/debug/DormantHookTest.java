package dev.amldebug.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DormantHookTest {
    @Test
    void putsTheHooksFolderFirstAndNamesThePortToWaitOn() {
        assertThat(DormantHook.environment(null)).containsExactly(
                java.util.Map.entry("PYTHONPATH", "/aml/debug/dormant"), java.util.Map.entry("AML_DEBUG_ATTACH_PORT", "5678"));
    }

    @Test
    void keepsTheRunsOwnPythonPathAfterTheHooksFolder() {
        assertThat(DormantHook.environment("src:/opt/lib")).containsEntry("PYTHONPATH", "/aml/debug/dormant:src:/opt/lib");
    }

    @Test
    void shipsTheHookWithTheShim() {
        assertThat(DebugShim.files()).containsKeys("aml_debug_dormant.py", "dormant/sitecustomize.py");
    }
}
