package dev.amldebug.runner.spec;

import dev.amldebug.runner.yaml.YamlValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code resources.shm_size} (a job) or {@code docker.shmSize} (a .runconfig): the container's /dev/shm, in Docker's
 * notation ({@code 2g}, {@code 512m}, {@code 1024k}, a number of bytes). Azure ML gives a job 2g unless told otherwise;
 * Docker's own 64 MB breaks PyTorch's data loaders, so a local run gets Azure ML's default too.
 */
public final class ShmSize {
    /** Azure ML's default for a job: 2g. */
    public static final long DEFAULT_BYTES = 2L * 1024 * 1024 * 1024;
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([bkmg]?)b?");

    private ShmSize() {
    }

    /** The size in bytes, or the file:line:column error of a value that is none. */
    public static long parse(YamlValue value, String key) {
        Matcher matcher = SIZE.matcher(value.text("'" + key + "'").trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw value.error(key + " takes a size such as 2g, 512m or 1024k, not '" + value.text("") + "'");
        }
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "k" -> number * 1024;
            case "m" -> number * 1024 * 1024;
            case "g" -> number * 1024 * 1024 * 1024;
            default -> number;
        };
    }
}
