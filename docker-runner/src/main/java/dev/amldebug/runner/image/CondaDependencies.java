package dev.amldebug.runner.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The packages a conda file asks for, in pip's spelling, for images that have no conda.
 * {@code python} and {@code pip} themselves are left out: the image provides them.
 */
record CondaDependencies(List<String> requirements) {
    /** conda's "name=version" or "name=version=build"; pip wants "name==version". */
    private static final Pattern CONDA_PIN = Pattern.compile("([^=<>!]+)=([^=<>!]+)(=.*)?");

    static CondaDependencies parse(String condaYaml) {
        Object loaded = new Yaml().load(condaYaml);
        List<String> requirements = new ArrayList<>();
        if (loaded instanceof Map<?, ?> map && map.get("dependencies") instanceof List<?> dependencies) {
            for (Object dependency : dependencies) {
                if (dependency instanceof Map<?, ?> nested && nested.get("pip") instanceof List<?> pip) {
                    pip.forEach(spec -> requirements.add(String.valueOf(spec).trim()));
                } else if (dependency != null && !(dependency instanceof Map)) {
                    String spec = fromConda(String.valueOf(dependency));
                    if (spec != null) {
                        requirements.add(spec);
                    }
                }
            }
        }
        return new CondaDependencies(List.copyOf(requirements));
    }

    /** "conda-forge::numpy=1.21" becomes "numpy==1.21"; python and pip become null. */
    private static String fromConda(String spec) {
        String text = spec.contains("::") ? spec.substring(spec.indexOf("::") + 2) : spec;
        text = text.replace(" ", "");
        String name = text.split("[=<>!]", 2)[0];
        if (name.equals("python") || name.equals("pip")) {
            return null;
        }
        Matcher single = CONDA_PIN.matcher(text);
        return single.matches() ? single.group(1) + "==" + single.group(2) : text;
    }
}
