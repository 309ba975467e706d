package dev.amldebug.runner.spec;

import dev.amldebug.runner.job.JobReader;
import java.nio.file.Path;

/** Reads an Azure ML v2 command job YAML into a {@link RunSpec} for a local run: the job model, rendered locally. */
public final class JobYamlParser {
    /** @param environmentOverride replaces the job's environment (from {@code --env}); may be null */
    public RunSpec parse(Path file, EnvironmentSpec environmentOverride) {
        return new LocalRunPlan().render(new JobReader().read(file), environmentOverride);
    }
}
