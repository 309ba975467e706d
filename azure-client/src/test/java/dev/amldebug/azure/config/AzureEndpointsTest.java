package dev.amldebug.azure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureEndpointsTest {
    @Test
    void defaultsToThePublicCloud() {
        AzureEndpoints endpoints = AzureEndpoints.fromEnvironment(Map.of());

        assertThat(endpoints.resourceManager()).isEqualTo(URI.create("https://management.azure.com"));
        assertThat(endpoints.scope()).isEqualTo("https://management.azure.com/.default");
    }

    @Test
    void takesTheEndpointAndScopeFromTheEnvironment() {
        AzureEndpoints endpoints = AzureEndpoints.fromEnvironment(Map.of(
                "AML_DEBUG_ARM_ENDPOINT", "https://127.0.0.1:8443/", "AML_DEBUG_ARM_SCOPE", "api://x/.default"));

        assertThat(endpoints.resolve("/subscriptions?a=b")).isEqualTo(URI.create("https://127.0.0.1:8443/subscriptions?a=b"));
        assertThat(endpoints.scope()).isEqualTo("api://x/.default");
    }

    @Test
    void refusesAPlainHttpEndpoint() {
        assertThatThrownBy(() -> AzureEndpoints.fromEnvironment(Map.of("AML_DEBUG_ARM_ENDPOINT", "http://localhost")))
                .isInstanceOf(AmlDebugException.class)
                .hasMessageContaining("https");
    }
}
