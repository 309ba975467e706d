package dev.amldebug.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.What;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Inline environments (image and conda file) as anonymous environment versions, named by their content. */
public final class EnvironmentVersions {
    static final String ANONYMOUS = "CliV2AnonymousEnvironment";
    private final WorkspaceId id;
    private final AzureMlClient client;

    EnvironmentVersions(WorkspaceId id, AzureMlClient client) {
        this.id = id;
        this.client = client;
    }

    /** Returns the version's ARM id. {@code condaFileText} may be null. */
    public String createAnonymous(String image, String condaFileText) {
        String version = version(image, condaFileText);
        ObjectNode body = new ObjectMapper().createObjectNode();
        ObjectNode properties = body.putObject("properties").put("image", image).put("isAnonymous", true);
        if (condaFileText != null) {
            properties.put("condaFile", condaFileText);
        }
        JsonNode created = client.arm().send(HttpMethod.PUT, client.endpoints().resolve(id.armId() + "/environments/"
                + ANONYMOUS + "/versions/" + version + "?" + AzureMlClient.ML_API), body, Map.of(),
                What.of("environment " + image + " in workspace " + id.workspaceName(), "`aml-debug azure workspaces`")).json();
        String versionId = Json.text(created, "id");
        return versionId != null ? versionId : id.armId() + "/environments/" + ANONYMOUS + "/versions/" + version;
    }

    /** The first 32 hex digits of SHA-256(image + "\n" + conda text). */
    static String version(String image, String condaFileText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (image + "\n" + (condaFileText == null ? "" : condaFileText)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
