package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.runner.job.CommandJob;
import dev.amldebug.runner.job.JobDistribution;
import dev.amldebug.runner.job.JobResources;
import dev.amldebug.runner.yaml.YamlValue;
import java.util.Map;
import java.util.Set;

/** A command job's compute settings (distribution, resources, limits, services) as the REST body has them. */
final class JobSettingsBody {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, String> SERVICES = Map.of("jupyter_lab", "JupyterLab", "ssh", "SSH",
            "tensor_board", "TensorBoard", "vs_code", "VSCode");

    private JobSettingsBody() {
    }

    /** The job's distribution, resources, limits and services, those it has. */
    static void putAll(ObjectNode properties, CommandJob job) {
        if (job.distribution() != null) {
            properties.set("distribution", distribution(job.distribution()));
        }
        if (job.resources() != null) {
            properties.set("resources", resources(job.resources()));
        }
        if (job.limits() != null) {
            properties.set("limits", limits(job.limits()));
        }
        if (job.services() != null) {
            properties.set("services", services(job.services()));
        }
    }

    static ObjectNode distribution(JobDistribution distribution) {
        YamlValue type = distribution.type();
        if (type == null) {
            throw distribution.at().error("The distribution needs a type: pytorch, mpi or tensorflow.");
        }
        ObjectNode rest = JSON.objectNode();
        switch (type.text("'type'")) {
            case "pytorch" -> rest.put("distributionType", "PyTorch");
            case "mpi" -> rest.put("distributionType", "Mpi");
            case "tensorflow" -> rest.put("distributionType", "TensorFlow");
            default -> throw type.error("Unknown distribution type '" + type.text("'type'")
                    + "'. Use pytorch, mpi or tensorflow.");
        }
        putInt(rest, "processCountPerInstance", distribution.processCountPerInstance());
        putInt(rest, "workerCount", distribution.workerCount());
        putInt(rest, "parameterServerCount", distribution.parameterServerCount());
        return rest;
    }

    static ObjectNode resources(JobResources resources) {
        ObjectNode rest = JSON.objectNode();
        putInt(rest, "instanceCount", resources.instanceCount());
        putIfPresent(rest, "instanceType", CommandJobBody.optional(resources.instanceType(), "instance_type"));
        putIfPresent(rest, "shmSize", CommandJobBody.optional(resources.shmSize(), "shm_size"));
        putIfPresent(rest, "dockerArgs", CommandJobBody.optional(resources.dockerArgs(), "docker_args"));
        return rest;
    }

    static ObjectNode limits(YamlValue value) {
        Map<String, YamlValue> fields = value.entries("'limits'", Set.of("timeout"));
        ObjectNode rest = JSON.objectNode().put("jobLimitsType", "Command");
        if (fields.containsKey("timeout")) {
            rest.put("timeout", "PT" + integer(fields.get("timeout")) + "S");
        }
        return rest;
    }

    static ObjectNode services(YamlValue value) {
        ObjectNode services = JSON.objectNode();
        for (Map.Entry<String, YamlValue> entry : value.entries("'services'").entrySet()) {
            Map<String, YamlValue> fields = entry.getValue().entries("service " + entry.getKey(),
                    Set.of("type", "port", "properties", "nodes"));
            ObjectNode rest = JSON.objectNode();
            if (fields.containsKey("type")) {
                String type = fields.get("type").text("'type'");
                rest.put("jobServiceType", SERVICES.getOrDefault(type, type));
            }
            putInt(rest, "port", fields.get("port"));
            if (fields.containsKey("properties")) {
                rest.set("properties", textMap(fields.get("properties")));
            }
            services.set(entry.getKey(), rest);
        }
        return services;
    }

    private static ObjectNode textMap(YamlValue value) {
        ObjectNode map = JSON.objectNode();
        value.textMap("'properties'").forEach(map::put);
        return map;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void putInt(ObjectNode rest, String name, YamlValue value) {
        if (value != null) {
            rest.put(name, integer(value));
        }
    }

    private static int integer(YamlValue value) {
        String text = value.text("a number");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw value.error("Expected a whole number, not '" + text + "'.");
        }
    }
}
