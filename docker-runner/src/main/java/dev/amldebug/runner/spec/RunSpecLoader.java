package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/** Turns whatever the user named (job YAML, .runconfig or script) into a {@link RunSpec}. */
public final class RunSpecLoader {
    private final String defaultImage;

    public RunSpecLoader(String defaultImage) {
        this.defaultImage = defaultImage;
    }

    /**
     * @param environmentFile an Azure ML v2 environment YAML that replaces the run's environment; may be null
     * @param scriptArgs      extra arguments appended to the command
     */
    public RunSpec load(Path file, Path environmentFile, List<String> scriptArgs) {
        EnvironmentSpec override = environmentFile == null ? null : new EnvironmentParser().parseFile(environmentFile);
        String name = file.getFileName().toString();
        RunSpec spec;
        if (name.endsWith(".runconfig")) {
            spec = new RunConfigParser(defaultImage).parse(file, override);
        } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            spec = new JobYamlParser().parse(file, override);
        } else if (name.endsWith(".py")) {
            spec = script(file, override);
        } else {
            throw new SpecException(file, "expected a job YAML (.yml), a .runconfig or a Python script (.py)");
        }
        return scriptArgs.isEmpty() ? spec : appendArgs(spec, scriptArgs);
    }

    private RunSpec script(Path file, EnvironmentSpec override) {
        Path script = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(script)) {
            throw new SpecException(script, "script not found");
        }
        Path codeDir = script.getParent();
        return new RunSpec(script, codeDir, ImagePython.command(script.getFileName().toString()), List.of(), List.of(),
                override != null ? override : EnvironmentSpec.ofImage(defaultImage), Map.of(),
                ExperimentNames.fromFolder(codeDir.getFileName().toString()), null, null);
    }

    /** Extra arguments go after the command; for a shell command they are quoted for the shell. */
    private static RunSpec appendArgs(RunSpec spec, List<String> args) {
        List<String> command = new ArrayList<>(spec.command());
        if (command.size() == 3 && command.get(0).equals("/bin/sh") && command.get(1).equals("-c")) {
            StringBuilder line = new StringBuilder(command.get(2));
            args.forEach(arg -> line.append(' ').append(ShellQuote.quote(arg)));
            command.set(2, line.toString());
        } else {
            command.addAll(args);
        }
        return new RunSpec(spec.source(), spec.codeDir(), List.copyOf(command), spec.inputs(), spec.outputNames(),
                spec.environment(), spec.environmentVariables(), spec.experimentName(), spec.displayName(),
                spec.distribution());
    }
}
