package dev.amldebug.runner.job;

import dev.amldebug.runner.yaml.YamlValue;

/**
 * One of a job's outputs. Written as a mapping, its fields are read (each null when absent); written as a single value
 * (often empty), they are all null and {@code at} is that value.
 */
public record JobOutput(String name, YamlValue at, YamlValue type, YamlValue mode, YamlValue path,
                        YamlValue description) {
}
