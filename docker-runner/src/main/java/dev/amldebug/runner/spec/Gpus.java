package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.YamlValue;
import dev.amldebug.runner.job.JobResources;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a job asks for GPUs: on Azure ML its {@code resources.instance_type} is a GPU size (the N series: NC, ND,
 * NV, as in Standard_NC6s_v3), or a .runconfig says {@code docker.gpuSupport: true}. Such a run gets every GPU of the
 * engine (Docker's device request for "gpu"); an engine without GPU support says so when the container starts.
 */
public final class Gpus {
    private Gpus() {
    }

    static boolean asked(JobResources resources) {
        YamlValue type = resources == null ? null : resources.instanceType();
        return type != null && isGpuSize(type.text("'instance_type'"));
    }

    static boolean isGpuSize(String instanceType) {
        return instanceType.toLowerCase(Locale.ROOT).matches("(standard_)?n[cdv].*");
    }

    /** The sentence for an engine that cannot give GPUs, from what Docker said when the container started. */
    public static String unavailable(String dockerMessage) {
        Matcher inner = Pattern.compile("\"message\":\"(.*?)\"}").matcher(dockerMessage);
        String said = inner.find() ? inner.group(1).replace("\\\"", "\"") : dockerMessage.strip();
        return "The job asks for GPUs (a GPU instance_type, or gpuSupport), but this Docker engine has no GPU support ("
                + said + "). Install the NVIDIA Container Toolkit and restart the engine, or remove"
                + " the GPU instance_type to run on the CPU.";
    }

    /** Whether Docker's error on start means it has no GPU support. */
    public static boolean isMissingSupport(String dockerMessage) {
        return dockerMessage != null && (dockerMessage.contains("could not select device driver")
                || dockerMessage.contains("nvidia-container-cli") || dockerMessage.contains("unknown or invalid runtime"));
    }
}
