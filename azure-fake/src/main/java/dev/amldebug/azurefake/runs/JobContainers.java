package dev.amldebug.azurefake.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azurefake.jobs.FakeJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The containers and networks of the fake's stand-in compute on Docker: named after their job and this fake's id,
 * labelled with {@link #LABEL}, created from {@code image} with the job's code and inputs where Azure ML puts them on
 * the node, and all removed, by the label, at the end.
 */
final class JobContainers {
    /** The label on every container and network, valued with this fake's id: nobody else's are ever touched. */
    static final String LABEL = "dev.amldebug.fake";
    /** Where the inputs are mounted on the node. */
    static final String INPUTS = "/mnt/azureml/cr/inputs";
    /** Where a pipeline step's outputs are written on the node. */
    static final String OUTPUTS = "/mnt/azureml/cr/outputs";

    private final DockerCli docker;
    private final String image;
    private final String id = UUID.randomUUID().toString().substring(0, 8);

    JobContainers(DockerCli docker, String image) {
        this.docker = docker;
        this.image = image;
    }

    /**
     * What one container of a job gets: the network it joins, its command, its environment variables, whether
     * {@code work/inputs} goes to {@link #INPUTS}, and the host folder its {@link #OUTPUTS} come back to (or null).
     */
    record Spec(String network, String command, JsonNode environmentVariables, boolean hasInputs, Path outputsTo) {
    }

    /** The working directory of a job's command on the node, as Azure ML names it. */
    static String workingDirectory(String jobName) {
        return "/mnt/azureml/cr/j/" + jobName.replaceAll("[^A-Za-z0-9]", "") + "/exe/wd";
    }

    /** The name of a job's container (and of its network, the job's node). */
    String name(String jobName) {
        return "aml-fake-" + id + "-" + dockerName(jobName);
    }

    /** The name of a pipeline's network, which its steps' containers join. */
    static String pipelineNetwork(String pipelineName) {
        return "aml-fake-pipeline-" + dockerName(pipelineName);
    }

    private static String dockerName(String jobName) {
        return jobName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    }

    void createNetwork(String network) throws IOException {
        docker.run("network", "create", "--label", LABEL + "=" + id, network);
    }

    void removeNetwork(String network) {
        docker.quietly("network", "rm", network);
    }

    /** Creates a container of the job, with {@code work/wd} in its working directory and (if it has them) its inputs. */
    void create(String name, FakeJob job, Spec spec, Map<String, String> environment, Path work) throws IOException {
        docker.run(createArguments(name, job, spec, environment).toArray(String[]::new));
        if (Files.isDirectory(work.resolve("wd"))) {
            docker.run("cp", work.resolve("wd").toAbsolutePath() + "/.", name + ":" + workingDirectory(job.name));
        }
        if (spec.hasInputs()) {
            docker.run("cp", work.resolve("inputs").toAbsolutePath() + "/.", name + ":" + INPUTS);
        }
    }

    private List<String> createArguments(String name, FakeJob job, Spec spec, Map<String, String> environment) {
        List<String> args = new ArrayList<>(List.of("create", "--name", name, "--label", LABEL + "=" + id, "--network", spec.network(),
                "--workdir", workingDirectory(job.name), "-e", "AZUREML_RUN_ID=" + job.name, "-e", "PYTHONUNBUFFERED=1"));
        environment.forEach((key, value) -> args.addAll(List.of("-e", key + "=" + value)));
        spec.environmentVariables().fields().forEachRemaining(e -> args.addAll(List.of("-e", e.getKey() + "=" + e.getValue().asText())));
        args.addAll(List.of(image, "/bin/bash", "-c", spec.command()));
        return args;
    }

    /** Copies what the container wrote to {@link #OUTPUTS} into the host folder {@code to}. */
    void copyOutputs(String name, Path to) throws IOException {
        Files.createDirectories(to);
        docker.run("cp", name + ":" + OUTPUTS + "/.", to.toAbsolutePath().toString());
    }

    void remove(String name) {
        docker.quietly("rm", "-f", name);
    }

    /** Removes every container and network labelled with this fake's id, running or not. */
    void removeAll() throws IOException {
        for (String c : docker.run("ps", "-aq", "--filter", "label=" + LABEL + "=" + id).lines().toList()) {
            docker.quietly("rm", "-f", c);
        }
        for (String n : docker.run("network", "ls", "-q", "--filter", "label=" + LABEL + "=" + id).lines().toList()) {
            docker.quietly("network", "rm", n);
        }
    }
}
