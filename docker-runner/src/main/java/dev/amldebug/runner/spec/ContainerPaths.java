package dev.amldebug.runner.spec;

/** Where things stand inside a run's container. Stable: debuggers map local paths onto these. */
public final class ContainerPaths {
    /** The run's working copy of the code folder, mounted read-write; also the working directory. */
    public static final String CODE = "/aml/code";
    /** The run's outputs folder, mounted read-write at {@code ./outputs}. */
    public static final String OUTPUTS = CODE + "/outputs";
    /** The run's MLflow file store ({@code MLFLOW_TRACKING_URI=file:///aml/mlruns}), read-write. */
    public static final String MLRUNS = "/aml/mlruns";
    /** Inputs are mounted read-only under this folder, one entry per input name. */
    public static final String INPUTS = "/aml/inputs";

    private ContainerPaths() {
    }

    public static String input(String name, String fileName) {
        return fileName == null ? INPUTS + "/" + name : INPUTS + "/" + name + "/" + fileName;
    }
}
