package dev.amldebug.runner.debug;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dormant hook of a local run not started for debugging ({@code aml_debug_dormant.py}): its folder first on
 * {@code PYTHONPATH}, so the run's first Python process waits for a debugger request on {@link #PORT}, which Docker
 * publishes on 127.0.0.1. It costs the script nothing until {@link DebuggerWake} asks for debugpy.
 */
public final class DormantHook {
    /** Tells the hook the container port to wait on; the process that takes the port removes it from its environment. */
    public static final String PORT_VARIABLE = "AML_DEBUG_ATTACH_PORT";
    /**
     * The container port the hook waits on, and debugpy then listens on, published like a debug run's. Not debugpy's
     * usual 5678: a script that calls {@code debugpy.listen(5678)} itself must still find that port free.
     */
    public static final int PORT = 25678;
    static final String FOLDER = DebugOptions.SHIM_DIR + "/dormant";

    private DormantHook() {
    }

    /** The variables that load the hook, the run's own {@code PYTHONPATH} ({@code runPythonPath}, or null) after its folder. */
    public static Map<String, String> environment(String runPythonPath) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PYTHONPATH", runPythonPath == null || runPythonPath.isEmpty() ? FOLDER : FOLDER + ":" + runPythonPath);
        env.put(PORT_VARIABLE, Integer.toString(PORT));
        return env;
    }
}
