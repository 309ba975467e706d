package dev.amldebug.azure.http;

import com.azure.core.http.ProxyOptions;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.HashMap;
import java.util.Optional;

/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, read by azure-core's {@link ProxyOptions#fromConfiguration}, as a
 * {@link ProxySelector} for the JDK client.
 */
final class ProxyRoute extends ProxySelector {
    private final ProxyOptions options;
    private final Pattern bypass;

    private ProxyRoute(ProxyOptions options) {
        this.options = options;
        this.bypass = bypassPattern(options.getNonProxyHosts());
    }

    /** Empty when no proxy is configured. */
    static Optional<ProxyRoute> fromEnvironment(Map<String, String> env) {
        // azure-core reads HTTPS_PROXY/HTTP_PROXY only when java.net.useSystemProxies is true.
        Map<String, String> variables = new HashMap<>(env);
        variables.put("java.net.useSystemProxies", "true");
        Configuration configuration = new ConfigurationBuilder(prefix -> Map.of(), prefix -> Map.of(), prefix -> variables).build();
        return Optional.ofNullable(ProxyOptions.fromConfiguration(configuration, true)).map(ProxyRoute::new);
    }

    ProxyOptions options() {
        return options;
    }

    boolean bypasses(String host) {
        return bypass != null && bypass.matcher(host).matches();
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (uri.getHost() == null || bypasses(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        InetSocketAddress address = options.getAddress();
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(address.getHostString(), address.getPort())));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // The request fails with the same error; nothing to remember.
    }

    /** azure-core gives NO_PROXY already as a regular expression: "(localhost)|(.*?internal\\.corp)". */
    private static Pattern bypassPattern(String nonProxyHosts) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return null;
        }
        return Pattern.compile(nonProxyHosts, Pattern.CASE_INSENSITIVE);
    }
}
