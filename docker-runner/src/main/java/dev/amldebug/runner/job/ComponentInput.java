package dev.amldebug.runner.job;

import dev.amldebug.runner.yaml.YamlValue;

/** One input a command component declares (a name with a type, and maybe a default); fields not written are null. */
public record ComponentInput(String name, YamlValue at, YamlValue type, YamlValue defaultValue, YamlValue optional,
                             YamlValue description) {
}
