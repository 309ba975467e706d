package dev.amldebug.runner.run;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.nio.file.Path;

/** No run with that id in the workspace's run store. */
public class RunNotFoundException extends AmlDebugException {
    public RunNotFoundException(String id, Path runsDir) {
        super(ErrorKind.NOT_FOUND, "No run '" + id + "' in " + runsDir + ". List the runs with: aml-debug runs list");
    }
}
