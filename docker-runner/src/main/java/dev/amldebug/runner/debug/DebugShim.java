package dev.amldebug.runner.debug;

import dev.amldebug.runner.ShippedFolder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Python debug shim shipped in the jar, with the files beside it, written once to a folder
 * named by their content hash so that containers can mount it read-only at {@link DebugOptions#SHIM_DIR}.
 */
public final class DebugShim {
    public static final String FILE_NAME = "aml_debug_shim.py";
    /** Every file of the shim folder, as a path relative to it (and to this class's resources). */
    public static final List<String> FILES = List.of(FILE_NAME, "aml_debug_faststop.py", "aml_debug_nodelay.py",
            "aml_debug_postmortem.py", "aml_debug_ranks.py", "aml_debug_governor.py", "startup/sitecustomize.py",
            "startup/aml_debug_fingerprint.py", "startup/pydevd_plugins/__init__.py",
            "startup/pydevd_plugins/extensions/__init__.py",
            "startup/pydevd_plugins/extensions/pydevd_plugin_aml_debug_arrays.py");
    /** Beside them in the folder local runs mount, and nowhere else: the dormant hook ({@link DormantHook}). */
    static final List<String> DORMANT_FILES = List.of("aml_debug_dormant.py", "dormant/sitecustomize.py");
    /** The line the shim prints once a debugger attached (the Azure ML guide's wording). */
    public static final String ATTACHED_LINE = "Debugger attached = True";
    private static final ShippedFolder SHIPPED = new ShippedFolder(DebugShim.class, "shim",
            Stream.concat(FILES.stream(), DORMANT_FILES.stream()).toList());

    private DebugShim() {
    }

    /** The shim's files by relative path, read from the jar (the {@link #FILES}, which jobs on Azure ML get). */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>(SHIPPED.files());
        files.keySet().retainAll(FILES);
        return files;
    }

    /** The folder holding the shim under {@code cacheDir}, written if missing. */
    public static Path folder(Path cacheDir) {
        return SHIPPED.folder(cacheDir);
    }
}
