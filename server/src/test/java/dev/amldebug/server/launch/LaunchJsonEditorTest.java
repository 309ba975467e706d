package dev.amldebug.server.launch;

import dev.amldebug.errors.AmlDebugException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class LaunchJsonEditorTest {
    private static final ObjectMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private final LaunchJsonEditor editor = new LaunchJsonEditor();

    private static ObjectNode config(String name) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("name", name).put("type", "python").put("request", "attach");
        node.putObject("connect").put("host", "localhost").put("port", 5678);
        return node;
    }

    private String insert(String text, String name) throws Exception {
        String result = editor.insert(text, config(name)).applyTo(text);
        JsonNode parsed = JSONC.readTree(result);
        assertThat(parsed.get("configurations").findValuesAsText("name")).contains(name);
        return result;
    }

    @Test
    void keepsCommentsTrailingCommasAndFormattingAndAppendsAfterTheLastConfiguration() throws Exception {
        String original = """
                {
                  // Use IntelliSense to learn about possible attributes.
                  "version": "0.2.0", /* block comment with ] and } inside */
                  "configurations": [
                    {
                      "name": "Existing", // trailing comment
                      "type": "python",
                      "request": "launch", // "configurations": [ fake
                    },
                  ],
                }
                """;
        String result = insert(original, "Added");
        assertThat(result).contains("// Use IntelliSense to learn about possible attributes.",
                "/* block comment with ] and } inside */", "\"name\": \"Existing\", // trailing comment",
                "// \"configurations\": [ fake");
        assertThat(result.indexOf("Existing")).isLessThan(result.indexOf("Added"));
        assertThat(result).contains("    {\n      \"name\": \"Added\"");
        assertThat(JSONC.readTree(result).get("configurations")).hasSize(2);
    }

    @Test
    void aCommentAfterTheLastItemStaysOnItsLine() throws Exception {
        String result = insert("{\n  \"configurations\": [\n    {\"name\": \"Mine\"}, // mine\n  ],\n}\n", "Added");
        assertThat(result).contains("{\"name\": \"Mine\"}, // mine\n    {\n      \"name\": \"Added\"");
    }

    @Test
    void addsACommaWhenTheLastItemHasNone() throws Exception {
        String result = insert("{\"configurations\": [{\"name\": \"A\"}]}", "B");
        assertThat(JSONC.readTree(result).get("configurations")).hasSize(2);
        assertThat(result).startsWith("{\"configurations\": [{\"name\": \"A\"},\n");
    }

    @Test
    void fillsAnEmptyArray() throws Exception {
        String result = insert("{\n    \"version\": \"0.2.0\",\n    \"configurations\": [ /* none yet */ ]\n}\n", "First");
        assertThat(result).contains("/* none yet */");
        assertThat(JSONC.readTree(result).get("configurations")).hasSize(1);
    }

    @Test
    void addsTheConfigurationsKeyWhenMissing() throws Exception {
        String result = insert("{\n  // only a version\n  \"version\": \"0.2.0\"\n}\n", "Only");
        assertThat(result).contains("// only a version");
        assertThat(JSONC.readTree(result).get("version").asText()).isEqualTo("0.2.0");
        assertThat(insert("{}", "Empty")).contains("\"configurations\"");
    }

    @Test
    void skipsOtherKeysWhoseValuesHoldBrackets() throws Exception {
        String result = insert("{\"compounds\": [{\"name\": \"x\", \"configurations\": [\"a\"]}], \"inputs\": {\"a\": [1, {\"b\": 2}]},"
                + " \"configurations\": []}", "Real");
        JsonNode parsed = JSONC.readTree(result);
        assertThat(parsed.get("configurations")).hasSize(1);
        assertThat(parsed.get("compounds").get(0).get("configurations")).hasSize(1);
    }

    @Test
    void unparseableFileIsRefusedWithWhereItBreaks() {
        assertThatThrownBy(() -> editor.insert("{\n  \"configurations\": [\n    {\"name\": \n", config("X")))
                .isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("launch.json cannot be parsed at line").hasMessageContaining("nothing was changed");
    }

    @Test
    void newFileIsValidAndHoldsTheConfiguration() throws Exception {
        JsonNode parsed = JSONC.readTree(LaunchJsonEditor.newFile(config("New")));
        assertThat(parsed.get("version").asText()).isEqualTo("0.2.0");
        assertThat(parsed.get("configurations").get(0).get("name").asText()).isEqualTo("New");
    }
}
