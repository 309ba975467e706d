package dev.amldebug.server.azure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** A conda specification with debugpy in its pip section (and pip among its dependencies), unless it has debugpy already. */
final class CondaDebugpy {
    private CondaDebugpy() {
    }

    @SuppressWarnings("unchecked")
    static String add(String condaText) {
        Object loaded = new Yaml().load(condaText);
        Map<String, Object> conda = loaded instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map)
                : new LinkedHashMap<>();
        List<Object> dependencies = conda.get("dependencies") instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        if (mentionsDebugpy(dependencies)) {
            return condaText;
        }
        Map<String, Object> pipSection = null;
        for (int i = 0; i < dependencies.size(); i++) {
            if (dependencies.get(i) instanceof Map<?, ?> map && map.containsKey("pip")) {
                pipSection = new LinkedHashMap<>((Map<String, Object>) map);
                dependencies.set(i, pipSection);
            }
        }
        if (pipSection == null) {
            if (dependencies.stream().noneMatch(d -> d instanceof String s && s.trim().matches("pip([<>=!~ ].*)?"))) {
                dependencies.add("pip");
            }
            pipSection = new LinkedHashMap<>();
            dependencies.add(pipSection);
        }
        List<Object> pip = pipSection.get("pip") instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        pip.add("debugpy");
        pipSection.put("pip", pip);
        conda.put("dependencies", dependencies);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(conda);
    }

    private static boolean mentionsDebugpy(List<Object> dependencies) {
        for (Object dependency : dependencies) {
            if (dependency instanceof String s && s.trim().toLowerCase().matches("debugpy([<>=!~ ].*)?")) {
                return true;
            }
            if (dependency instanceof Map<?, ?> map && map.get("pip") instanceof List<?> pip
                    && mentionsDebugpy(new ArrayList<>(pip))) {
                return true;
            }
        }
        return false;
    }
}
