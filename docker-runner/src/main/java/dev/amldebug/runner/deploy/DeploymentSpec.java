package dev.amldebug.runner.deploy;

import dev.amldebug.runner.spec.CodeFolders;
import dev.amldebug.runner.spec.EnvironmentSpec;
import dev.amldebug.runner.yaml.SpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a local deployment needs, from a managed online deployment YAML or from flags.
 *
 * @param appDir            the scoring script's folder, served as {@code /var/azureml-app}
 * @param scoringScript     the script, relative to {@code appDir}
 * @param requestSettings   Azure ML's {@code request_settings}: scoring timeout, concurrency, queue wait
 * @param notes             keys that mean nothing locally, said once in the log
 */
public record DeploymentSpec(Path source, String name, Path appDir, String scoringScript, EnvironmentSpec environment,
                             ModelRef model, Map<String, String> environmentVariables, RequestSettings requestSettings,
                             List<String> notes) {
    /** As for a run: the app folder is snapshotted and the model mounted, so neither may be the machine itself. */
    public DeploymentSpec {
        if (CodeFolders.refusal(appDir) != null) {
            throw new SpecException(source, CodeFolders.refusal(appDir));
        }
        String modelRefusal = CodeFolders.mountRefusal(model.path());
        if (modelRefusal != null) {
            throw new SpecException(source, "the model would be " + modelRefusal
                    + "; point the model at its own file or folder");
        }
    }
}
