package dev.amldebug.azure;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.azure.http.What;
import dev.amldebug.errors.AmlDebugException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** EnvironmentVersions_Get: the image and conda file of {@code name} at {@code version}. */
    public EnvironmentVersion get(String name, String version) {
        JsonNode found = client.arm().get(client.endpoints().resolve(id.armId() + "/environments/" + DataPlane.encode(name)
                + "/versions/" + DataPlane.encode(version) + "?" + AzureMlClient.ML_API),
                What.of("environment " + name + ":" + version + " in workspace " + id.workspaceName(), "`aml-debug azure jobs show JOB`"));
        JsonNode properties = found.path("properties");
        if (Json.text(properties, "image") == null) {
            throw AmlDebugException.badInput("Environment " + name + ":" + version + " is built from a Docker context, not an image:"
                    + " build it yourself and replay with that image (aml-debug run --env ENV.yml).");
        }
        return new EnvironmentVersion(Json.text(found, "id"), Json.text(properties, "image"), Json.text(properties, "condaFile"));
    }

    /**
     * The environment a job names: an ARM id ({@code .../environments/NAME/versions/VERSION}) or {@code azureml:NAME:VERSION}.
     * Curated registry environments and {@code @latest} are not read here: the sentence says what to do.
     */
    public EnvironmentVersion resolve(String environmentId) {
        Matcher arm = Pattern.compile("/workspaces/[^/]+/environments/([^/]+)/versions/([^/]+)$")
                .matcher(environmentId == null ? "" : environmentId);
        if (arm.find()) {
            return get(arm.group(1), arm.group(2));
        }
        Matcher reference = Pattern.compile("^azureml:([^:@/]+):([^:@/]+)$")
                .matcher(environmentId == null ? "" : environmentId);
        if (reference.find()) {
            return get(reference.group(1), reference.group(2));
        }
        throw AmlDebugException.badInput("The job's environment '" + environmentId + "' is not a version of this workspace's"
                + " environments, so its image cannot be read: replay it with an environment of your own (--env ENV.yml).");
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
