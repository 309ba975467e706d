package dev.amldebug.server.documents;

import dev.amldebug.runner.job.JobKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of aml-debug's documents a file is, decided as the readers decide it: a {@code .runconfig} by its name; a YAML by
 * its {@code $schema}, then its {@code type:}, then keys only that kind has. Read from the top-level lines, so a half
 * written document still has its kind. Any other YAML (a workflow, a conda file) has none and is left alone.
 */
public enum DocumentKind {
    COMMAND_JOB("a command job", KindKeys.COMMAND_JOB),
    PIPELINE_JOB("a pipeline job", KindKeys.PIPELINE_JOB),
    COMPONENT("a command component", KindKeys.COMPONENT),
    DEPLOYMENT("an online deployment", KindKeys.DEPLOYMENT),
    ENVIRONMENT("the environment", KindKeys.ENVIRONMENT),
    RUNCONFIG("a run configuration", KindKeys.RUNCONFIG);

    private static final Pattern TOP_LEVEL = Pattern.compile("^([A-Za-z_$][A-Za-z0-9_$]*)[ \\t]*:[ \\t]*(.*)$",
            Pattern.MULTILINE);
    /** Keys a component has and a job has not. */
    private static final Set<String> COMPONENT_ONLY = Set.of("version", "additional_includes");

    private final String what;
    private final KeyTree keys;

    DocumentKind(String what, KeyTree keys) {
        this.what = what;
        this.keys = keys;
    }

    /** The document as its reader names it in errors. */
    String what() {
        return what;
    }

    KeyTree keys() {
        return keys;
    }

    public static Optional<DocumentKind> of(Path file, String text) {
        if (file.getFileName().toString().toLowerCase().endsWith(".runconfig")) {
            return Optional.of(RUNCONFIG);
        }
        Map<String, String> top = topLevel(text);
        String schema = top.getOrDefault("$schema", "");
        if (!schema.isEmpty()) {
            return bySchema(schema);
        }
        String type = top.get("type");
        if ("pipeline".equals(type)) {
            return Optional.of(PIPELINE_JOB);
        }
        if (top.containsKey("endpoint_name") || top.containsKey("code_configuration")) {
            return Optional.of(DEPLOYMENT);
        }
        if (type != null && !type.equals("command")) {
            // A sweep, spark or AutoML job: no reader of aml-debug's reads it.
            return Optional.empty();
        }
        boolean command = "command".equals(type) || top.containsKey("command") || top.containsKey("code");
        if (command) {
            return Optional.of(top.keySet().stream().anyMatch(COMPONENT_ONLY::contains) ? COMPONENT : COMMAND_JOB);
        }
        // An environment without $schema only when all it says is an environment's, so no other file is taken for one.
        boolean environment = type == null && (top.containsKey("image") || top.containsKey("build"))
                && JobKeys.ENVIRONMENT.containsAll(top.keySet());
        return environment ? Optional.of(ENVIRONMENT) : Optional.empty();
    }

    private static Optional<DocumentKind> bySchema(String schema) {
        String lower = schema.toLowerCase();
        if (lower.contains("commandjob")) {
            return Optional.of(COMMAND_JOB);
        }
        if (lower.contains("pipelinejob")) {
            return Optional.of(PIPELINE_JOB);
        }
        if (lower.contains("commandcomponent")) {
            return Optional.of(COMPONENT);
        }
        if (lower.contains("onlinedeployment")) {
            return Optional.of(DEPLOYMENT);
        }
        if (lower.endsWith("/environment.schema.json")) {
            return Optional.of(ENVIRONMENT);
        }
        return Optional.empty();
    }

    /** The top-level keys with their values as written on the key's line (quotes and comments off). */
    static Map<String, String> topLevel(String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        Matcher line = TOP_LEVEL.matcher(text);
        while (line.find()) {
            String value = line.group(2).replaceFirst("\\s+#.*$", "").strip().replaceAll("^[\"']|[\"']$", "");
            keys.putIfAbsent(line.group(1), value);
        }
        return keys;
    }
}
