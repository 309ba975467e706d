package dev.amldebug.runner.job;

import dev.amldebug.runner.yaml.YamlValue;

/** A job's {@code resources:} as written: nodes, the VM size (a GPU size asks for GPUs), /dev/shm, docker_args. */
public record JobResources(YamlValue at, YamlValue instanceCount, YamlValue instanceType, YamlValue shmSize,
                           YamlValue dockerArgs, YamlValue properties) {
}
