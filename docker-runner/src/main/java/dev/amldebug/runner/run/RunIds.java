package dev.amldebug.runner.run;

import java.util.concurrent.ThreadLocalRandom;
import java.util.HexFormat;

/** Run ids in Azure ML's shape: {@code <experiment>_<epoch seconds>_<8 hex>}, safe as a container name. */
public final class RunIds {
    private static final int MAX_EXPERIMENT_PART = 200;

    private RunIds() {
    }

    public static String next(String experiment, long epochSeconds) {
        byte[] bytes = new byte[4];
        // Unique, not secret: nobody needs to guess an id, so no secure generator (and its start-up) is needed.
        ThreadLocalRandom.current().nextBytes(bytes);
        String safe = experiment.replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^[^A-Za-z0-9]+", "");
        // A run folder's name must stay under the file system's 255 bytes; the full name is in run.json.
        safe = safe.length() > MAX_EXPERIMENT_PART ? safe.substring(0, MAX_EXPERIMENT_PART) : safe;
        return (safe.isEmpty() ? "run" : safe) + "_" + epochSeconds + "_" + HexFormat.of().formatHex(bytes);
    }
}
