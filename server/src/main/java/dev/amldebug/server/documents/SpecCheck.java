package dev.amldebug.server.documents;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.deploy.DeploymentYamlParser;
import dev.amldebug.runner.job.JobReader;
import dev.amldebug.runner.pipeline.PipelineYamlParser;
import dev.amldebug.runner.spec.EnvironmentParser;
import dev.amldebug.runner.spec.RunConfigParser;
import dev.amldebug.runner.yaml.SpecException;
import dev.amldebug.runner.yaml.UnknownKeyException;
import dev.amldebug.runner.yaml.YamlFiles;
import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks a document as it stands in the editor, unsaved, with the reader the command line uses for its kind
 * ({@link DocumentKind}), so the editor shows the same sentences before anything runs: the reader's first problem, and
 * besides it every unknown key and every key the reader ignores ({@link KeyWalk}). A file of no known kind gets nothing,
 * not even YAML checks: this is not a YAML linter.
 */
public final class SpecCheck {
    /** Only for a run configuration without a base image; nothing is built here. */
    private static final String ANY_IMAGE = "python";

    private SpecCheck() {
    }

    /** The document's problems in the order of their place. */
    public static List<SpecProblem> check(Path file, String text) {
        Optional<DocumentKind> kind = DocumentKind.of(file, text);
        if (kind.isEmpty()) {
            return List.of();
        }
        YamlValue root;
        try {
            root = YamlFiles.parse(file, text);
        } catch (SpecException e) {
            return List.of(ForeignProblem.of(file, text, e));
        }
        List<SpecProblem> problems = new ArrayList<>(KeyWalk.problems(root, kind.get()));
        readerProblem(kind.get(), root, file, text).ifPresent(first -> {
            // The reader's own words for a key the walk found too.
            problems.removeIf(p -> !p.warning() && p.line() == first.line() && p.column() == first.column());
            problems.add(first);
        });
        problems.sort(Comparator.comparingInt(SpecProblem::line).thenComparingInt(SpecProblem::column));
        return problems;
    }

    private static Optional<SpecProblem> readerProblem(DocumentKind kind, YamlValue root, Path file, String text) {
        try {
            read(kind, root);
            return Optional.empty();
        } catch (UnknownKeyException e) {
            return Optional.of(ForeignProblem.isForeign(file, e) ? ForeignProblem.of(file, text, e)
                    : new SpecProblem(e.line(), e.column(), e.reason(), KeySuggestion.nearest(e.key(), e.allowed())));
        } catch (SpecException e) {
            return Optional.of(ForeignProblem.of(file, text, e));
        } catch (AmlDebugException | InvalidPathException e) {
            return Optional.of(new SpecProblem(0, 0, e.getMessage()));
        }
    }

    private static void read(DocumentKind kind, YamlValue root) {
        Path folder = root.file().toAbsolutePath().normalize().getParent();
        switch (kind) {
            case COMMAND_JOB -> new JobReader().read(root);
            case PIPELINE_JOB -> new PipelineYamlParser().parse(root);
            case COMPONENT -> new JobReader().readComponent(root, folder);
            case DEPLOYMENT -> new DeploymentYamlParser().parse(root);
            case ENVIRONMENT -> new EnvironmentParser().parse(root, folder);
            case RUNCONFIG -> new RunConfigParser(ANY_IMAGE).parse(root, null);
        }
    }
}
