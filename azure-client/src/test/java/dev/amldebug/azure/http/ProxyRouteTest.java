package dev.amldebug.azure.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyRouteTest {
    @Test
    void routesThroughHttpsProxyExceptNoProxyHosts() {
        ProxyRoute route = ProxyRoute.fromEnvironment(Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "localhost,127.0.0.1,.internal.corp")).orElseThrow();

        Proxy proxy = route.select(URI.create("https://management.azure.com/x")).get(0);
        assertThat(proxy.type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(((InetSocketAddress) proxy.address()).getHostString()).isEqualTo("proxy.corp");
        assertThat(((InetSocketAddress) proxy.address()).getPort()).isEqualTo(3128);
        assertThat(route.select(URI.create("https://127.0.0.1:8443/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(route.select(URI.create("https://ml.internal.corp/"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void noProxyWithoutTheVariables() {
        assertThat(ProxyRoute.fromEnvironment(Map.of())).isEmpty();
    }
}
