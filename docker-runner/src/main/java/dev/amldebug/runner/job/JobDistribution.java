package dev.amldebug.runner.job;

import dev.amldebug.runner.yaml.YamlValue;

/** A job's {@code distribution:} as written; the numbers stay values, each rendering reads them with its own bounds. */
public record JobDistribution(YamlValue at, YamlValue type, YamlValue processCountPerInstance, YamlValue workerCount,
                              YamlValue parameterServerCount) {
}
