package dev.amldebug.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DocumentKindTest {
    private static final Path YML = Path.of("x.yml");

    @Test
    void theSchemaDecidesFirst() {
        assertThat(DocumentKind.of(YML, "$schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json\n"
                + "type: command\n")).hasValue(DocumentKind.COMPONENT);
        assertThat(DocumentKind.of(YML, "$schema: 'https://x/managedOnlineDeployment.schema.json'\n"))
                .hasValue(DocumentKind.DEPLOYMENT);
        assertThat(DocumentKind.of(YML, "$schema: https://x/latest/environment.schema.json\n")).hasValue(DocumentKind.ENVIRONMENT);
        assertThat(DocumentKind.of(YML, "$schema: https://json.schemastore.org/github-workflow.json\ncommand: x\n")).isEmpty();
    }

    @Test
    void thenTheTypeThenKeysOnlyOneKindHas() {
        assertThat(DocumentKind.of(YML, "type: pipeline  # local\njobs:\n")).hasValue(DocumentKind.PIPELINE_JOB);
        assertThat(DocumentKind.of(YML, "type: command\n")).hasValue(DocumentKind.COMMAND_JOB);
        assertThat(DocumentKind.of(YML, "command: python x.py\nversion: 1\n")).hasValue(DocumentKind.COMPONENT);
        assertThat(DocumentKind.of(YML, "type: managed\nendpoint_name: e\n")).hasValue(DocumentKind.DEPLOYMENT);
        assertThat(DocumentKind.of(YML, "name: env\nimage: python\n")).hasValue(DocumentKind.ENVIRONMENT);
        assertThat(DocumentKind.of(Path.of("a", "x.runconfig"), "script: x.py\n")).hasValue(DocumentKind.RUNCONFIG);
    }

    @Test
    void otherYamlHasNoKind() {
        assertThat(DocumentKind.of(YML, "name: digits\nchannels: [conda-forge]\ndependencies: [python]\n")).isEmpty();
        assertThat(DocumentKind.of(YML, "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n")).isEmpty();
        assertThat(DocumentKind.of(YML, "replicaCount: 1\nimage:\n  repository: nginx\n")).isEmpty();
        assertThat(DocumentKind.of(YML, "type: spark\ncode: src\nentry:\n  file: run.py\n")).as("a spark job").isEmpty();
    }
}
