package dev.amldebug.runner.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import java.io.StringWriter;
import org.yaml.snakeyaml.Yaml;

/**
 * A node of a YAML document that remembers where it stands, so every error can name
 * file, line and column. Thin typed access on top of SnakeYAML's composed nodes.
 */
public final class YamlValue {
    private final Path file;
    private final Node node;

    YamlValue(Path file, Node node) {
        this.file = file;
        this.node = node;
    }

    public Path file() {
        return file;
    }

    public SpecException error(String message) {
        return new SpecException(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, message);
    }

    /** Where the node starts, 1-based, for an editor. */
    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public int column() {
        return node.getStartMark().getColumn() + 1;
    }

    /** The keys of a mapping in file order, each with its value, so an editor can point at a key. */
    public List<Map.Entry<YamlValue, YamlValue>> pairs(String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected " + what + " (a mapping of key: value), found " + kind());
        }
        List<Map.Entry<YamlValue, YamlValue>> result = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            result.add(Map.entry(new YamlValue(file, tuple.getKeyNode()), new YamlValue(file, tuple.getValueNode())));
        }
        return result;
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The scalar as text; numbers and booleans come back as they were written. */
    public String text(String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected " + what + " (a single value), found " + kind());
        }
        return scalar.getValue();
    }

    public boolean bool(String what) {
        String value = text(what);
        return switch (value.toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected " + what + " to be true or false, found '" + value + "'");
        };
    }

    /** The entries of a mapping in file order. */
    public Map<String, YamlValue> entries(String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected " + what + " (a mapping of key: value), found " + kind());
        }
        Map<String, YamlValue> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlValue key = new YamlValue(file, tuple.getKeyNode());
            result.put(key.text("a key"), new YamlValue(file, tuple.getValueNode()));
        }
        return result;
    }

    /** A mapping of names to single values, such as environment variables. */
    public Map<String, String> textMap(String what) {
        Map<String, String> result = new LinkedHashMap<>();
        entries(what).forEach((name, value) -> result.put(name, value.text("the value of " + name)));
        return result;
    }

    public List<YamlValue> items(String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected " + what + " (a list), found " + kind());
        }
        List<YamlValue> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            result.add(new YamlValue(file, item));
        }
        return result;
    }

    /** Rejects keys outside {@code allowed}, pointing at the first unknown one. */
    public Map<String, YamlValue> entries(String what, Set<String> allowed) {
        Map<String, YamlValue> entries = entries(what);
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                YamlValue key = new YamlValue(file, tuple.getKeyNode());
                if (!allowed.contains(key.text("a key"))) {
                    Mark mark = tuple.getKeyNode().getStartMark();
                    throw new UnknownKeyException(file, mark.getLine() + 1, mark.getColumn() + 1, key.text("a key"), what,
                            allowed);
                }
            }
        }
        return entries;
    }

    /** The node written back as YAML text, for files we pass on (an inline conda specification). */
    public String toYamlText() {
        StringWriter out = new StringWriter();
        new Yaml().serialize(node, out);
        return out.toString();
    }

    public boolean isNull() {
        return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }

    private String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
