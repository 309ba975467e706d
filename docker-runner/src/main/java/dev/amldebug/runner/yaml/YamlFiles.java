package dev.amldebug.runner.yaml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import java.io.StringReader;

/**
 * Reads a YAML file into a {@link YamlValue}. Every way a file can be unusable becomes a
 * {@link SpecException} naming the file (and line:column where there is one): not UTF-8 text,
 * invalid YAML, a key given twice, or a document past the size, nesting or alias limits.
 */
public final class YamlFiles {
    /** Far above any job or environment file, far below what would hurt the process. */
    static final int MAX_CODE_POINTS = 1_000_000;
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 50;

    private YamlFiles() {
    }

    public static YamlValue read(Path file) {
        return parse(file, text(file));
    }

    /** The file as UTF-8 text; a binary file or another encoding is refused with a sentence. */
    public static String text(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SpecException(file, "file not found");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_CODE_POINTS * 4L) {
                throw tooLarge(file);
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SpecException(file, "this is not a UTF-8 text file (is it binary, or saved in another encoding?);"
                    + " give a YAML file saved as UTF-8");
        } catch (NoSuchFileException e) {
            throw new SpecException(file, "file not found");
        } catch (IOException e) {
            throw new SpecException(file, "cannot read the file: " + e.getMessage());
        }
    }

    /** Text as it is in an editor, not yet saved: {@code file} names it in errors and anchors its relative paths. */
    public static YamlValue parse(Path file, String text) {
        try {
            Node root = new Yaml(options()).compose(new StringReader(text));
            if (root == null) {
                throw new SpecException(file, "the file is empty");
            }
            refuseDuplicateKeys(file, root, 0);
            return new YamlValue(file, root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (mark == null) {
                throw new SpecException(file, "invalid YAML: " + problem);
            }
            throw new SpecException(file, mark.getLine() + 1, mark.getColumn() + 1, "invalid YAML: " + problem);
        } catch (YAMLException e) {
            throw limit(file, String.valueOf(e.getMessage()));
        }
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        return options;
    }

    /** compose() builds nodes without checking keys; a key given twice would silently lose one value. */
    private static void refuseDuplicateKeys(Path file, Node node, int depth) {
        if (depth > MAX_NESTING) {
            throw limit(file, "nesting depth");
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Mark> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    Mark first = seen.putIfAbsent(key.getValue(), key.getStartMark());
                    if (first != null) {
                        Mark mark = key.getStartMark();
                        throw new SpecException(file, mark.getLine() + 1, mark.getColumn() + 1, "key '" + key.getValue()
                                + "' is given twice (first at line " + (first.getLine() + 1) + "); keep one of them");
                    }
                }
                refuseDuplicateKeys(file, tuple.getValueNode(), depth + 1);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                refuseDuplicateKeys(file, item, depth + 1);
            }
        }
    }

    private static SpecException limit(Path file, String problem) {
        String lower = problem.toLowerCase();
        if (lower.contains("code points")) {
            return tooLarge(file);
        }
        if (lower.contains("aliases")) {
            return new SpecException(file, "it uses more than " + MAX_ALIASES + " aliases (*name) for lists and"
                    + " mappings; write the values out instead");
        }
        if (lower.contains("nesting depth")) {
            return new SpecException(file, "it nests lists and mappings more than " + MAX_NESTING
                    + " levels deep; a job or environment file needs far fewer");
        }
        return new SpecException(file, "invalid YAML: " + problem);
    }

    private static SpecException tooLarge(Path file) {
        return new SpecException(file, "the file is larger than a job or environment file can be (over "
                + MAX_CODE_POINTS + " characters); check that this is the file you meant");
    }
}
