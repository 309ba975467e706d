package dev.amldebug.runner.run;

/** How a deployment is doing, beside its run status. */
public enum DeploymentHealth {
    /** The container runs; init() has not returned yet (or waits for a debugger). */
    Starting,
    /** GET / answered Healthy. */
    Healthy,
    /** The container runs but did not become healthy in time. */
    Unhealthy,
    /** The server exited on its own: init() raised, or the script lacks init or run. */
    Failed,
    /** Brought down, or restarted. */
    Stopped
}
