package dev.amldebug.azure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceConfigTest {
    private static final WorkspaceId ID = new WorkspaceId("sub", "rg", "ws");

    @TempDir
    Path root;

    @Test
    void writesTheSdkFileAndFindsItFromASubfolder() throws IOException {
        Path file = WorkspaceConfig.write(root, ID);
        Path deep = Files.createDirectories(root.resolve("src/pkg"));

        assertThat(file).isEqualTo(root.resolve(".azureml/config.json"));
        assertThat(Files.readString(file)).contains("\"subscription_id\"", "\"resource_group\"", "\"workspace_name\"");
        assertThat(WorkspaceConfig.find(deep)).contains(ID);
    }

    @Test
    void prefersDotAzuremlOverConfigJsonInTheSameFolder() throws IOException {
        Files.writeString(root.resolve("config.json"),
                "{\"subscription_id\":\"other\",\"resource_group\":\"g\",\"workspace_name\":\"w\"}");
        WorkspaceConfig.write(root, ID);

        assertThat(WorkspaceConfig.find(root)).contains(ID);
    }

    @Test
    void readsAPlainConfigJson() throws IOException {
        Files.writeString(root.resolve("config.json"),
                "{\"subscription_id\":\"sub\",\"resource_group\":\"rg\",\"workspace_name\":\"ws\"}");

        assertThat(WorkspaceConfig.find(root)).contains(ID);
    }

    @Test
    void acceptsTheSdkScopeForm() throws IOException {
        Files.writeString(root.resolve("config.json"), "{\"Scope\":\"" + ID.armId() + "\"}");

        assertThat(WorkspaceConfig.find(root)).contains(ID);
    }

    @Test
    void skipsAConfigJsonOfAnotherToolAndGoesOnUp() throws IOException {
        WorkspaceConfig.write(root, ID);
        Path project = Files.createDirectories(root.resolve("project"));
        Files.writeString(project.resolve("config.json"), "{\"lr\": 0.1}");

        assertThat(WorkspaceConfig.find(project)).contains(ID);
    }

    @Test
    void namesTheMissingKeys() throws IOException {
        Files.writeString(root.resolve("config.json"), "{\"subscription_id\":\"sub\"}");

        assertThatThrownBy(() -> WorkspaceConfig.find(root))
                .isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("needs subscription_id, resource_group and workspace_name");
    }
}
