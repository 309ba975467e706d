package dev.amldebug.azure.credentials;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ChainedTokenCredentialBuilder;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import dev.amldebug.azure.http.HttpSettings;
import dev.amldebug.azure.http.JdkHttpTransport;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import dev.amldebug.azure.config.AzureEndpoints;
import java.time.Duration;

/**
 * The credentials a developer expects, in this order: a service principal or workload identity from
 * environment variables, the Azure CLI, managed identity (only where IDENTITY_ENDPOINT or MSI_ENDPOINT say
 * there is one: nothing probes the instance metadata address), then an earlier `aml-debug azure login`.
 */
public final class AzureCredentials {
    /** How long `az account get-access-token` may take. */
    static final Duration AZ_TIMEOUT = Duration.ofSeconds(20);

    private AzureCredentials() {
    }

    public static TokenCredential chain(Map<String, String> env) {
        List<String> names = new ArrayList<>();
        ChainedTokenCredentialBuilder chain = new ChainedTokenCredentialBuilder();
        HttpClient transport = JdkHttpTransport.create(env, HttpSettings.caBundle(env));
        Configuration configuration = configuration(env);
        if (present(env, "AZURE_CLIENT_ID") && (present(env, "AZURE_CLIENT_SECRET")
                || present(env, "AZURE_CLIENT_CERTIFICATE_PATH") || present(env, "AZURE_USERNAME"))) {
            chain.addLast(new EnvironmentCredentialBuilder().configuration(configuration).httpClient(transport).build());
            names.add("environment");
        }
        if (present(env, "AZURE_FEDERATED_TOKEN_FILE") && present(env, "AZURE_CLIENT_ID") && present(env, "AZURE_TENANT_ID")) {
            chain.addLast(new WorkloadIdentityCredentialBuilder()
                    .configuration(configuration)
                    .httpClient(transport)
                    .clientId(env.get("AZURE_CLIENT_ID"))
                    .tenantId(env.get("AZURE_TENANT_ID"))
                    .tokenFilePath(env.get("AZURE_FEDERATED_TOKEN_FILE"))
                    .build());
            names.add("workload identity");
        }
        // A hung `az` (a prompt, a stuck proxy) must not hang every command: it gets 20 s.
        chain.addLast(new TimeBoundCredential(new AzureCliCredentialBuilder().configuration(configuration)
                .processTimeout(AZ_TIMEOUT).build(), AZ_TIMEOUT, "`az account get-access-token`"));
        names.add("Azure CLI");
        if (present(env, "IDENTITY_ENDPOINT") || present(env, "MSI_ENDPOINT")) {
            ManagedIdentityCredentialBuilder managed = new ManagedIdentityCredentialBuilder()
                    .configuration(configuration)
                    .httpClient(transport);
            if (present(env, "DEFAULT_IDENTITY_CLIENT_ID")) {
                managed.clientId(env.get("DEFAULT_IDENTITY_CLIENT_ID"));
            }
            chain.addLast(managed.build());
            names.add("managed identity");
        }
        new DeviceCodeLogin(stateFolder(env), env, transport, line -> { }).saved().ifPresent(saved -> {
            chain.addLast(saved);
            names.add("aml-debug azure login");
        });
        return new NamedCredential(chain.build(), String.join(", ", names));
    }

    public static TokenCredential ofToken(String token, OffsetDateTime expiresOn) {
        return new StaticTokenCredential(token, expiresOn);
    }

    /**
     * `aml-debug azure login`: runs the device code flow ({@code prompt} gets the code and the URL), keeps the
     * sign-in for {@link #chain} and returns the account.
     */
    public static String deviceCodeLogin(Map<String, String> env, Consumer<String> prompt) {
        return deviceCode(env, prompt).login(AzureEndpoints.fromEnvironment(env).scope());
    }

    /** For `aml-debug azure login`: the code and the URL go to {@code printer}. */
    public static DeviceCodeLogin deviceCode(Map<String, String> env, Consumer<String> printer) {
        return new DeviceCodeLogin(stateFolder(env), env, JdkHttpTransport.create(env, HttpSettings.caBundle(env)), printer);
    }

    /** ~/.aml-debug, where the sign-in record of `aml-debug azure login` is kept. */
    public static Path stateFolder(Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".aml-debug");
    }

    private static Configuration configuration(Map<String, String> env) {
        return new ConfigurationBuilder(prefix -> Map.of(), prefix -> Map.of(), prefix -> env).build();
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
