package dev.amldebug.azure.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzCliDefaultsTest {
    @TempDir
    Path folder;

    @Test
    void readsOnlyTheDefaultsSectionAsConfigparserDoes() {
        Map<String, String> values = AzCliDefaults.defaultsSection(
                "[core]\ngroup = not-this\n# comment\n[defaults]\nGroup: my-rg\n; other\nworkspace =  my-ws \nlocation=\n[extension]\nx=1\n");
        assertThat(values).containsEntry("group", "my-rg").containsEntry("workspace", "my-ws").doesNotContainKey("x");
    }

    @Test
    void anEmptyValueOrNoFolderIsNoDefault() throws IOException {
        Files.writeString(folder.resolve("config"), "[defaults]\ngroup =\n");
        assertThat(AzCliDefaults.of(Map.of("AZURE_CONFIG_DIR", folder.toString())).group()).isEmpty();
        assertThat(AzCliDefaults.of(Map.of()).group()).isEmpty();
        assertThat(AzCliDefaults.of(Map.of()).subscriptionId()).isEmpty();
    }

    @Test
    void aBrokenProfileIsNoSubscription() throws IOException {
        Files.writeString(folder.resolve("azureProfile.json"), "{not json");
        assertThat(AzCliDefaults.of(Map.of("AZURE_CONFIG_DIR", folder.toString())).subscriptionId()).isEmpty();
    }
}
