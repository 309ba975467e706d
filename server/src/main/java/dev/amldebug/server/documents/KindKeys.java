package dev.amldebug.server.documents;

import dev.amldebug.runner.deploy.DeploymentYamlParser;
import dev.amldebug.runner.job.JobKeys;
import dev.amldebug.runner.spec.EnvironmentParser;
import dev.amldebug.runner.spec.RunConfigParser;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Each kind's {@link KeyTree}, from the key lists its reader checks: where a key is unknown, which keys to offer. */
final class KindKeys {
    private static final KeyTree INPUTS = KeyTree.names(KeyTree.of(JobKeys.INPUT));
    private static final KeyTree OUTPUTS = KeyTree.names(KeyTree.of(JobKeys.OUTPUT));
    static final KeyTree ENVIRONMENT = KeyTree.of(JobKeys.ENVIRONMENT,
            Map.of("build", KeyTree.of(EnvironmentParser.BUILD_KEYS)));
    private static final Map<String, KeyTree> JOB_PARTS = Map.of("inputs", INPUTS, "outputs", OUTPUTS,
            "environment", ENVIRONMENT, "resources", KeyTree.of(JobKeys.RESOURCES),
            "distribution", KeyTree.of(JobKeys.DISTRIBUTION));
    static final KeyTree COMMAND_JOB = KeyTree.of(JobKeys.COMMAND_JOB, JOB_PARTS);
    static final KeyTree COMPONENT = KeyTree.of(JobKeys.COMMAND_COMPONENT, Map.of(
            "inputs", KeyTree.names(KeyTree.of(JobKeys.COMPONENT_INPUT)), "outputs", OUTPUTS,
            "environment", ENVIRONMENT, "resources", KeyTree.of(JobKeys.RESOURCES),
            "distribution", KeyTree.of(JobKeys.DISTRIBUTION)));
    private static final KeyTree STEP = KeyTree.of(JobKeys.PIPELINE_STEP, with(JOB_PARTS, "component", COMPONENT));
    static final KeyTree PIPELINE_JOB = KeyTree.of(JobKeys.PIPELINE_JOB, Map.of(
            "settings", KeyTree.of(JobKeys.PIPELINE_SETTINGS), "inputs", INPUTS, "outputs", OUTPUTS,
            "jobs", KeyTree.names(STEP)));
    static final KeyTree DEPLOYMENT = KeyTree.of(DeploymentYamlParser.KEYS, Map.of(
            "model", KeyTree.of(DeploymentYamlParser.MODEL_KEYS),
            "code_configuration", KeyTree.of(DeploymentYamlParser.CODE_KEYS),
            "environment", ENVIRONMENT, "request_settings", KeyTree.of(DeploymentYamlParser.REQUEST_KEYS)))
            .ignoring(DeploymentYamlParser.IGNORED.stream()
                    .collect(Collectors.toMap(Function.identity(), DeploymentYamlParser::ignoredNote)));
    static final KeyTree RUNCONFIG = KeyTree.of(RunConfigParser.KEYS, Map.of(
            "environment", KeyTree.of(RunConfigParser.ENVIRONMENT_KEYS, Map.of(
                    "python", KeyTree.of(RunConfigParser.PYTHON_KEYS),
                    "docker", KeyTree.of(RunConfigParser.DOCKER_KEYS)))));

    private KindKeys() {
    }

    private static Map<String, KeyTree> with(Map<String, KeyTree> parts, String key, KeyTree tree) {
        Map<String, KeyTree> all = new HashMap<>(parts);
        all.put(key, tree);
        return Map.copyOf(all);
    }
}
