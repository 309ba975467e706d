package dev.amldebug.runner.image;

/** Labels on every image aml-debug builds; list and prune act only on images that carry them. */
public final class ImageLabels {
    public static final String MANAGED = "dev.amldebug.managed";
    public static final String ENV_HASH = "dev.amldebug.env-hash";
    public static final String BASE_IMAGE = "dev.amldebug.base-image";
    public static final String DESCRIPTION = "dev.amldebug.environment";
    public static final String REPOSITORY = "aml-debug/env";

    private ImageLabels() {
    }

    public static String tag(String hash) {
        return REPOSITORY + ":" + hash;
    }
}
