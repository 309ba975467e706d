package dev.amldebug.runner.run;

/** No run with that id in the workspace's run store. */
public class RunNotFoundException extends RuntimeException {
    public RunNotFoundException(String id, java.nio.file.Path runsDir) {
        super("No run '" + id + "' in " + runsDir + ". List the runs with: aml-debug runs list");
    }
}
