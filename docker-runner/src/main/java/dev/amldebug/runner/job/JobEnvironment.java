package dev.amldebug.runner.job;

import dev.amldebug.runner.yaml.YamlValue;

/**
 * A job's environment as written: a reference ({@code azureml:NAME:VERSION}, {@code azureml:NAME@latest}, an ARM id),
 * or inline with {@code image} and an optional {@code conda_file}, or {@code build}. A local run turns the inline
 * forms into an {@link dev.amldebug.runner.spec.EnvironmentSpec}; submit passes a reference on and uploads the rest.
 *
 * @param reference the single value written, or null for an inline environment
 */
public record JobEnvironment(YamlValue at, String reference, YamlValue image, YamlValue condaFile, YamlValue build) {
    public boolean isReference() {
        return reference != null;
    }
}
