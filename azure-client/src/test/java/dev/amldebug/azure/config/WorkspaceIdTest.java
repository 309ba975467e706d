package dev.amldebug.azure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import org.junit.jupiter.api.Test;

class WorkspaceIdTest {
    private static final String ID = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/test-rg"
            + "/providers/Microsoft.MachineLearningServices/workspaces/my-aml-workspace";

    @Test
    void parsesAnArmIdAndWritesItBack() {
        WorkspaceId id = WorkspaceId.parse(ID);

        assertThat(id).isEqualTo(new WorkspaceId("00000000-1111-2222-3333-444444444444", "test-rg", "my-aml-workspace"));
        assertThat(id.armId()).isEqualTo(ID);
        assertThat(id).hasToString(ID);
    }

    @Test
    void acceptsAnyCaseAndATrailingSlash() {
        WorkspaceId id = WorkspaceId.parse(ID.toLowerCase().replace("my-aml-workspace", "W") + "/");

        assertThat(id.workspaceName()).isEqualTo("W");
        assertThat(id.resourceGroup()).isEqualTo("test-rg");
    }

    @Test
    void refusesAnotherResourceWithASentence() {
        assertThatThrownBy(() -> WorkspaceId.parse("/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a"))
                .isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("is not an Azure ML workspace id")
                .hasMessageContaining("aml-debug azure workspaces")
                .satisfies(e -> assertThat(((AmlDebugException) e).kind()).isEqualTo(ErrorKind.BAD_INPUT));
    }

    @Test
    void refusesAnIdWithExtraSegments() {
        assertThatThrownBy(() -> WorkspaceId.parse(ID + "/jobs/abc")).isInstanceOf(AmlDebugException.class);
    }
}
