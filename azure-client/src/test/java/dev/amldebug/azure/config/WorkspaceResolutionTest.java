package dev.amldebug.azure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each part of the workspace from the first source that has it: flags, config.json, variables, az's defaults, the editor. */
class WorkspaceResolutionTest {
    private static final String FLAG_SUB = "11111111-1111-1111-1111-111111111111";
    private static final String CONFIG_SUB = "22222222-2222-2222-2222-222222222222";
    private static final String ENV_SUB = "33333333-3333-3333-3333-333333333333";
    private static final String AZ_SUB = "44444444-4444-4444-4444-444444444444";

    @TempDir
    Path root;

    private Path project;
    private Path azFolder;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void folders() throws IOException {
        project = Files.createDirectories(root.resolve("project/src"));
        azFolder = Files.createDirectories(root.resolve("az"));
        environment.put("AZURE_CONFIG_DIR", azFolder.toString());
    }

    private ResolvedWorkspace resolve(WorkspaceFlags flags) {
        return new WorkspaceResolution(environment).resolve(flags, project, Optional.empty());
    }

    private Path config() {
        return WorkspaceConfig.write(root.resolve("project"), new WorkspaceId(CONFIG_SUB, "config-rg", "config-ws"));
    }

    private void variables() {
        environment.put("AZURE_SUBSCRIPTION_ID", ENV_SUB);
        environment.put("AZURE_RESOURCE_GROUP", "env-rg");
        environment.put("AZUREML_WORKSPACE_NAME", "env-ws");
    }

    private void azDefaults() throws IOException {
        Files.writeString(azFolder.resolve("config"), "[cloud]\nname = AzureCloud\n\n[defaults]\ngroup = az-rg\nworkspace = az-ws\n");
        Files.writeString(azFolder.resolve("azureProfile.json"), "\uFEFF{\"subscriptions\": ["
                + "{\"id\": \"" + FLAG_SUB + "\", \"name\": \"Other\", \"isDefault\": false},"
                + "{\"id\": \"" + AZ_SUB + "\", \"name\": \"Team Sub\", \"isDefault\": true}]}");
    }

    @Test
    void flagsAloneNameTheWorkspace() {
        ResolvedWorkspace found = resolve(new WorkspaceFlags(null, FLAG_SUB, "flag-rg", "flag-ws"));
        assertThat(found.id()).isEqualTo(new WorkspaceId(FLAG_SUB, "flag-rg", "flag-ws"));
        assertThat(found.sources()).isEqualTo("workspace name from --workspace-name, resource group from --resource-group,"
                + " subscription from --subscription");
    }

    @Test
    void theWorkspaceIdAloneNamesAllThreeAndCannotBeMixedWithTheParts() {
        String id = new WorkspaceId(FLAG_SUB, "flag-rg", "flag-ws").armId();
        assertThat(resolve(WorkspaceFlags.id(id)).sources()).isEqualTo("from --workspace-id");
        assertThatThrownBy(() -> resolve(new WorkspaceFlags(id, null, null, "other")))
                .hasMessageContaining("either --workspace-id or --workspace-name");
    }

    @Test
    void aConfigJsonInAParentFolderAlone() {
        Path file = config();
        ResolvedWorkspace found = resolve(WorkspaceFlags.none());
        assertThat(found.id()).isEqualTo(new WorkspaceId(CONFIG_SUB, "config-rg", "config-ws"));
        assertThat(found.sources()).isEqualTo("from " + file);
    }

    @Test
    void theSdksVariablesAlone() {
        variables();
        ResolvedWorkspace found = resolve(WorkspaceFlags.none());
        assertThat(found.id()).isEqualTo(new WorkspaceId(ENV_SUB, "env-rg", "env-ws"));
        assertThat(found.workspaceNameFrom()).isEqualTo("AZUREML_WORKSPACE_NAME");

        environment.remove("AZUREML_WORKSPACE_NAME");
        environment.put("AZURE_ML_WORKSPACE_NAME", "other-ws");
        assertThat(resolve(WorkspaceFlags.none()).id().workspaceName()).isEqualTo("other-ws");
    }

    @Test
    void azConfigureDefaultsAloneWithTheProfilesDefaultSubscriptionDespiteItsByteOrderMark() throws IOException {
        azDefaults();
        ResolvedWorkspace found = resolve(WorkspaceFlags.none());
        assertThat(found.id()).isEqualTo(new WorkspaceId(AZ_SUB, "az-rg", "az-ws"));
        assertThat(found.workspaceNameFrom()).isEqualTo("az configure --defaults");
        assertThat(found.subscriptionFrom()).isEqualTo("az's default subscription");
    }

    @Test
    void azsFolderIsHomesDotAzureWithoutAzureConfigDir() throws IOException {
        environment.remove("AZURE_CONFIG_DIR");
        environment.put("HOME", root.toString());
        azFolder = Files.createDirectories(root.resolve(".azure"));
        azDefaults();
        assertThat(resolve(WorkspaceFlags.none()).id()).isEqualTo(new WorkspaceId(AZ_SUB, "az-rg", "az-ws"));
    }

    @Test
    void theEditorsDefaultComesLast() throws IOException {
        WorkspaceId editor = new WorkspaceId(FLAG_SUB, "editor-rg", "editor-ws");
        ResolvedWorkspace alone = new WorkspaceResolution(environment).resolve(WorkspaceFlags.none(), project, Optional.of(editor));
        assertThat(alone.id()).isEqualTo(editor);
        assertThat(alone.sources()).isEqualTo("from " + WorkspaceResolution.EDITOR_DEFAULT);

        azDefaults();
        assertThat(new WorkspaceResolution(environment).resolve(WorkspaceFlags.none(), project, Optional.of(editor)).id())
                .isEqualTo(new WorkspaceId(AZ_SUB, "az-rg", "az-ws"));
    }

    @Test
    void flagsBeatConfigWhichBeatsVariablesWhichBeatAzDefaults() throws IOException {
        azDefaults();
        assertThat(resolve(WorkspaceFlags.none()).id().workspaceName()).isEqualTo("az-ws");
        variables();
        assertThat(resolve(WorkspaceFlags.none()).id()).isEqualTo(new WorkspaceId(ENV_SUB, "env-rg", "env-ws"));
        config();
        assertThat(resolve(WorkspaceFlags.none()).id()).isEqualTo(new WorkspaceId(CONFIG_SUB, "config-rg", "config-ws"));
        assertThat(resolve(new WorkspaceFlags(null, FLAG_SUB, "flag-rg", "flag-ws")).id())
                .isEqualTo(new WorkspaceId(FLAG_SUB, "flag-rg", "flag-ws"));
    }

    @Test
    void eachPartComesFromItsOwnFirstSource() throws IOException {
        Path file = config();
        ResolvedWorkspace found = resolve(new WorkspaceFlags(null, null, null, "flag-ws"));
        assertThat(found.id()).isEqualTo(new WorkspaceId(CONFIG_SUB, "config-rg", "flag-ws"));
        assertThat(found.sources()).isEqualTo("workspace name from --workspace-name, resource group from " + file
                + ", subscription from " + file);

        Files.delete(file);
        environment.put("AZURE_RESOURCE_GROUP", "env-rg");
        azDefaults();
        ResolvedWorkspace mixed = resolve(new WorkspaceFlags(null, null, null, "flag-ws"));
        assertThat(mixed.id()).isEqualTo(new WorkspaceId(AZ_SUB, "env-rg", "flag-ws"));
        assertThat(mixed.resourceGroupFrom()).isEqualTo("AZURE_RESOURCE_GROUP");
    }

    @Test
    void azsOwnVariablesOverrideItsConfigFile() throws IOException {
        azDefaults();
        environment.put("AZURE_DEFAULTS_GROUP", "override-rg");
        ResolvedWorkspace found = resolve(WorkspaceFlags.none());
        assertThat(found.id().resourceGroup()).isEqualTo("override-rg");
        assertThat(found.resourceGroupFrom()).isEqualTo("AZURE_DEFAULTS_GROUP");
    }

    @Test
    void aSubscriptionByNameIsTakenOnlyWhenAzKnowsIt() throws IOException {
        azDefaults();
        assertThat(resolve(new WorkspaceFlags(null, "team sub", "rg", "ws")).id().subscriptionId()).isEqualTo(AZ_SUB);
        assertThatThrownBy(() -> resolve(new WorkspaceFlags(null, "Nobody's", "rg", "ws")))
                .isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("--subscription takes a subscription id").hasMessageContaining("give its id");
    }

    @Test
    void aMissingPartIsNamedWithEveryWayToSetIt() {
        environment.put("AZURE_SUBSCRIPTION_ID", ENV_SUB);
        assertThatThrownBy(() -> resolve(new WorkspaceFlags(null, null, null, "flag-ws")))
                .isInstanceOf(AmlDebugException.class)
                .hasMessage("The Azure ML workspace for " + project + " has no resource group: pass -g/--resource-group,"
                        + " run `aml-debug azure use <workspace id>` to write .azureml/config.json, set AZURE_RESOURCE_GROUP,"
                        + " or run `az configure --defaults group=NAME`.");
        assertThat(new WorkspaceResolution(environment).find(WorkspaceFlags.none(), project, Optional.empty())).isEmpty();
    }

    @Test
    void nothingSetAnywhereSaysHowToChooseOne() {
        assertThatThrownBy(() -> resolve(WorkspaceFlags.none()))
                .hasMessageStartingWith("No Azure ML workspace is set for " + project)
                .hasMessageContaining("aml-debug azure use").hasMessageContaining("--workspace-name")
                .hasMessageContaining("AZUREML_WORKSPACE_NAME").hasMessageContaining("az configure --defaults");
    }
}
