package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.YamlValue;
import dev.amldebug.runner.job.JobDistribution;
import dev.amldebug.runner.job.JobResources;

/** Turns a command job's {@code distribution:} and {@code resources:} into a local {@link Distribution}, or none. */
final class DistributionParser {
    /** More would not be a local run any more: every process is a container's process on this machine. */
    static final int MAX_PROCESSES = 64;

    /** @return null for a job that runs as one process in one container */
    Distribution parse(JobDistribution distribution, JobResources resources) {
        YamlValue instanceCount = resources == null ? null : resources.instanceCount();
        int nodes = instanceCount == null ? 1 : positive(instanceCount, "'instance_count'");
        if (distribution == null) {
            if (nodes > 1) {
                throw instanceCount.error("instance_count: " + nodes + " needs a distribution to run on several nodes;"
                        + " add 'distribution: {type: pytorch, process_count_per_instance: 1}' (or mpi, tensorflow)"
                        + " or set instance_count: 1");
            }
            return null;
        }
        Distribution.Type type = type(distribution.type(), distribution.at());
        Distribution result = type == Distribution.Type.tensorflow ? tensorflow(distribution, nodes)
                : Distribution.processes(type, nodes, processCount(distribution, type));
        if (result.worldSize() > MAX_PROCESSES) {
            throw distribution.at().error("this job would start " + result.worldSize() + " processes; local runs take up to "
                    + MAX_PROCESSES + ", so lower instance_count or the process count for the local run");
        }
        return result;
    }

    private static Distribution.Type type(YamlValue type, YamlValue distribution) {
        if (type == null) {
            throw distribution.error("the distribution needs a type: add 'type: pytorch' (or mpi, tensorflow)");
        }
        String text = type.text("'type'");
        try {
            return Distribution.Type.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw type.error("unknown distribution type '" + text + "'; use pytorch, mpi or tensorflow");
        }
    }

    private static int processCount(JobDistribution distribution, Distribution.Type type) {
        refuseTensorflowKey(distribution.workerCount(), "worker_count", type);
        refuseTensorflowKey(distribution.parameterServerCount(), "parameter_server_count", type);
        YamlValue count = distribution.processCountPerInstance();
        return count == null ? 1 : positive(count, "'process_count_per_instance'");
    }

    private static void refuseTensorflowKey(YamlValue value, String key, Distribution.Type type) {
        if (value != null) {
            throw value.error("'" + key + "' is for tensorflow; a " + type + " job sets"
                    + " process_count_per_instance instead");
        }
    }

    private static Distribution tensorflow(JobDistribution distribution, int nodes) {
        if (distribution.processCountPerInstance() != null) {
            throw distribution.processCountPerInstance().error("a tensorflow job sets worker_count and"
                    + " parameter_server_count instead of process_count_per_instance");
        }
        YamlValue workerValue = distribution.workerCount();
        int workers = workerValue == null ? nodes : positive(workerValue, "'worker_count'");
        YamlValue psValue = distribution.parameterServerCount();
        int parameterServers = psValue == null ? 0 : count(psValue, "'parameter_server_count'");
        if (workers + parameterServers < nodes) {
            throw (workerValue == null ? distribution.at() : workerValue).error("worker_count + parameter_server_count ("
                    + (workers + parameterServers) + ") is less than instance_count (" + nodes + "); every node needs"
                    + " a process, so raise worker_count or lower instance_count");
        }
        return Distribution.tensorflow(nodes, workers, parameterServers);
    }

    private static int positive(YamlValue value, String what) {
        int number = count(value, what);
        if (number < 1) {
            throw value.error("expected " + what + " to be 1 or more, found " + number);
        }
        return number;
    }

    private static int count(YamlValue value, String what) {
        String text = value.text(what);
        try {
            int number = Integer.parseInt(text);
            if (number < 0) {
                throw value.error("expected " + what + " to be 0 or more, found " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw value.error("expected " + what + " to be a whole number, found '" + text + "'");
        }
    }
}
