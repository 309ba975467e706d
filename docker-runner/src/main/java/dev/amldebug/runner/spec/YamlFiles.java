package dev.amldebug.runner.spec;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a YAML file into a {@link YamlValue}, turning syntax errors into file:line:column errors. */
public final class YamlFiles {
    private YamlFiles() {
    }

    public static YamlValue read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SpecException(file, "file not found");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                throw new SpecException(file, "the file is empty");
            }
            return new YamlValue(file, root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (mark == null) {
                throw new SpecException(file, "invalid YAML: " + problem);
            }
            throw new SpecException(file, mark.getLine() + 1, mark.getColumn() + 1, "invalid YAML: " + problem);
        } catch (NoSuchFileException e) {
            throw new SpecException(file, "file not found");
        } catch (IOException e) {
            throw new SpecException(file, "cannot read the file: " + e.getMessage());
        }
    }
}
