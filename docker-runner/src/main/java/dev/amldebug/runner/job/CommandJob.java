package dev.amldebug.runner.job;

import dev.amldebug.runner.yaml.YamlValue;
import java.nio.file.Path;
import java.util.Map;

/**
 * An Azure ML v2 command job as written, read once by {@link JobReader}; a local run plan and the REST body of
 * {@code azure submit} are both rendered from it. A value a rendering checks against its own rules stays a
 * {@link YamlValue}, so its error can name file:line:column. An absent key is null; so are absent inputs, outputs
 * and environment variables, which a REST body leaves out rather than sending empty.
 *
 * @param root    the whole document, where an error about a missing key points
 * @param command the command text as written, before any ${{inputs.X}} is substituted
 */
public record CommandJob(
        Path source,
        Path baseDir,
        YamlValue root,
        YamlValue type,
        YamlValue code,
        YamlValue command,
        Map<String, JobInput> inputs,
        Map<String, JobOutput> outputs,
        JobEnvironment environment,
        Map<String, String> environmentVariables,
        YamlValue experimentName,
        YamlValue displayName,
        YamlValue description,
        YamlValue tags,
        YamlValue compute,
        JobDistribution distribution,
        JobResources resources,
        YamlValue limits,
        YamlValue identity,
        YamlValue services,
        YamlValue queueSettings,
        YamlValue isDeterministic) {

    /** The local folder {@code code} names; the job's folder when it names none or an {@code azureml:} asset. */
    public Path codeDir() {
        return codeDir(code, baseDir);
    }

    static Path codeDir(YamlValue code, Path baseDir) {
        String text = code == null ? null : code.text("'code'");
        return text == null || text.startsWith("azureml:") ? baseDir : baseDir.resolve(text).normalize();
    }
}
