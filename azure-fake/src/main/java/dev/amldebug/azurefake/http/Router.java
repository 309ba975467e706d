package dev.amldebug.azurefake.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A table of (method, path pattern) -> handler; path patterns use {name} for one segment. */
public final class Router {
    private record Route(String method, Pattern path, Handler handler) {
    }

    /** A route that matched: its handler and the call with the path's groups. */
    public record Match(Handler handler, Call call) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Handler handler) {
        String regex = template.replaceAll("\\{[A-Za-z]+}", "([^/]+)").replace(".", "\\.").replace(":", "\\:");
        routes.add(new Route(method, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), handler));
        return this;
    }

    public Optional<Match> match(Call call) {
        for (Route route : routes) {
            Matcher m = route.path.matcher(call.path());
            if (route.method.equals(call.method()) && m.matches()) {
                List<String> groups = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    groups.add(m.group(i));
                }
                return Optional.of(new Match(route.handler, call.withGroups(groups)));
            }
        }
        return Optional.empty();
    }

    /** Whether some route has this path under another method (405 rather than 404). */
    public boolean knowsPath(String path) {
        return routes.stream().anyMatch(r -> r.path.matcher(path).matches());
    }
}
