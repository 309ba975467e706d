package dev.amldebug.azure.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What `az configure --defaults` and `az account set` leave in the Azure CLI's folder ({@code $AZURE_CONFIG_DIR},
 * else {@code ~/.azure}): the {@code [defaults]} section of its {@code config} file ({@code group}, and the
 * {@code workspace} that `az ml` reads), which az's own AZURE_DEFAULTS_GROUP / AZURE_DEFAULTS_WORKSPACE override, and the
 * default subscription of its {@code azureProfile.json}. Files az cannot have written (missing, unreadable) count as
 * no defaults: they are az's, not ours to report.
 */
public final class AzCliDefaults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final Path folder;
    private Map<String, String> defaults;

    AzCliDefaults(Map<String, String> environment, Path folder) {
        this.environment = environment;
        this.folder = folder;
    }

    /** The Azure CLI's folder as az finds it: AZURE_CONFIG_DIR, else .azure in HOME (USERPROFILE on Windows). */
    public static AzCliDefaults of(Map<String, String> environment) {
        String configured = environment.get("AZURE_CONFIG_DIR");
        if (present(configured)) {
            return new AzCliDefaults(environment, Path.of(configured));
        }
        String home = present(environment.get("HOME")) ? environment.get("HOME") : environment.get("USERPROFILE");
        return new AzCliDefaults(environment, present(home) ? Path.of(home, ".azure") : null);
    }

    public Optional<String> group() {
        return setting("group");
    }

    public Optional<String> workspace() {
        return setting("workspace");
    }

    /** The subscription `az account show` names: the one marked isDefault. */
    public Optional<String> subscriptionId() {
        return subscription(entry -> entry.path("isDefault").asBoolean(false));
    }

    /** The id of the subscription az knows by {@code name} (case aside), without asking Azure. */
    public Optional<String> subscriptionIdNamed(String name) {
        return subscription(entry -> entry.path("name").asText("").equalsIgnoreCase(name.trim()));
    }

    /** Where the value of {@code key} came from, for saying so. */
    public String source(String key) {
        return present(environment.get(variable(key))) ? variable(key) : "az configure --defaults";
    }

    private Optional<String> setting(String key) {
        String overridden = environment.get(variable(key));
        if (present(overridden)) {
            return Optional.of(overridden.trim());
        }
        return Optional.ofNullable(defaults().get(key)).filter(AzCliDefaults::present);
    }

    private static String variable(String key) {
        return "AZURE_DEFAULTS_" + key.toUpperCase(java.util.Locale.ROOT);
    }

    private synchronized Map<String, String> defaults() {
        if (defaults == null) {
            defaults = folder == null ? Map.of() : defaultsSection(read(folder.resolve("config")));
        }
        return defaults;
    }

    /** The [defaults] section of an INI file as Python's configparser reads it: keys without case, = or : between. */
    static Map<String, String> defaultsSection(String ini) {
        Map<String, String> values = new HashMap<>();
        boolean inDefaults = false;
        for (String raw : ini.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inDefaults = line.substring(1, line.length() - 1).strip().equals("defaults");
                continue;
            }
            int equals = line.indexOf('=');
            int colon = line.indexOf(':');
            int at = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
            if (inDefaults && at > 0) {
                values.put(line.substring(0, at).strip().toLowerCase(java.util.Locale.ROOT), line.substring(at + 1).strip());
            }
        }
        return values;
    }

    private Optional<String> subscription(Predicate<JsonNode> which) {
        if (folder == null) {
            return Optional.empty();
        }
        JsonNode profile;
        try {
            profile = JSON.readTree(read(folder.resolve("azureProfile.json")));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (profile == null) {
            return Optional.empty();
        }
        for (JsonNode entry : profile.path("subscriptions")) {
            if (which.test(entry) && present(entry.path("id").asText(""))) {
                return Optional.of(entry.path("id").asText());
            }
        }
        return Optional.empty();
    }

    /** The file's text without the byte order mark az writes on Windows; empty when there is none to read. */
    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
