package dev.amldebug.server.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.runner.debug.CommandWrapper;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.debug.DebugShim;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How the chosen steps of a submitted pipeline run under the debug shim on the compute, with no edit to the user's
 * files: the shim travels in the step's code snapshot (under {@link #SHIM_FOLDER}), the step's command runs under it,
 * and debugpy goes into an inline conda environment's pip dependencies, or is pip-installed when the step starts
 * ({@code installDebugpy}) for a registered environment or a bare image.
 *
 * @param snapshots where the snapshots with the shim are built (a folder under the workspace's .azureml/)
 */
public record RemoteStepDebug(Set<String> steps, DebugOptions options, boolean installDebugpy, Path snapshots,
                              ConnectBack connectBack, Integer postMortem) {
    /** The shim's folder inside a debugged step's snapshot, relative to the working directory. */
    public static final String SHIM_FOLDER = ".aml_debug";
    public static final String SHIM = SHIM_FOLDER + "/" + DebugShim.FILE_NAME;
    /** Run first when --install-debugpy is given; a failed install leaves the shim to say debugpy is missing. */
    static final String INSTALL = "python -m pip install --quiet --disable-pip-version-check debugpy"
            + " || echo 'aml-debug: pip could not install debugpy'; ";

    public RemoteStepDebug {
        steps = Set.copyOf(steps);
    }

    /** The chosen steps, their snapshots with the shim built under the folder's .azureml/snapshots. */
    public static RemoteStepDebug of(Set<String> steps, DebugOptions options, boolean installDebugpy, Path folder) {
        return new RemoteStepDebug(steps, options, installDebugpy, folder.resolve(".azureml").resolve("snapshots"), null, null);
    }

    public static RemoteStepDebug none() {
        return new RemoteStepDebug(Set.of(), DebugOptions.defaults(), false, null, null, null);
    }

    /** The same, each process dialing the hub at {@code connectBack} instead of listening. */
    public RemoteStepDebug dialingBack(ConnectBack value) {
        return new RemoteStepDebug(steps, options, installDebugpy, snapshots, value, postMortem);
    }

    /**
     * The same, and every step (the chosen ones too) holds a process whose script raised an exception it did not
     * handle for up to {@code seconds}, for the debugger (post-mortem); null: no post-mortem.
     */
    public RemoteStepDebug withPostMortem(Integer seconds) {
        return seconds == null ? this : new RemoteStepDebug(steps, options.withPostMortem(seconds), installDebugpy, snapshots,
                connectBack, seconds);
    }

    /** Whether the step runs under the shim: a chosen step, or any step with post-mortem. */
    public boolean covers(String step) {
        return steps.contains(step) || postMortem != null;
    }

    /** Whether the step waits for the debugger at its start (a chosen step); else only post-mortem, if at all. */
    public boolean waitsAtStart(String step) {
        return steps.contains(step);
    }

    /** A step's command under the shim: waiting at its start when chosen, else post-mortem only. */
    public String command(String step, String command) {
        return steps.contains(step) ? command(command) : wrap(command, DebugOptions.postMortemOnly(postMortem));
    }

    /** The step's command run under the shim (after installing debugpy, when asked). */
    public String command(String command) {
        return wrap(command, options);
    }

    private String wrap(String command, DebugOptions with) {
        String wrapped = connectBack == null ? CommandWrapper.wrapShell(command, with, SHIM)
                : CommandWrapper.wrapShell(command, List.of(with.connectArguments(connectBack.address())), SHIM);
        return installDebugpy ? INSTALL + wrapped : wrapped;
    }

    /** The uploads of a debugged step: its code with the shim added, its inline conda environment with debugpy. */
    CommandJobBody.Uploads uploads(CommandJobBody.Uploads plain) {
        return new CommandJobBody.Uploads() {
            @Override
            public String code(Path folder) {
                try (DebugSnapshot snapshot = DebugSnapshot.of(folder, snapshots, connectBack == null ? null : connectBack.token())) {
                    return plain.code(snapshot.folder());
                }
            }

            @Override
            public URI input(Path fileOrFolder) {
                return plain.input(fileOrFolder);
            }

            @Override
            public String environment(String image, String condaFileText) {
                return plain.environment(image, condaFileText == null ? null : CondaDebugpy.add(condaFileText));
            }

            @Override
            public String component(String version, ObjectNode componentVersionBody) {
                return plain.component(version, componentVersionBody);
            }
        };
    }

    /** The shim's files as they go into a snapshot, relative to its root. */
    static List<String> shimFiles() {
        return DebugShim.FILES.stream().map(file -> SHIM_FOLDER + "/" + file).toList();
    }
}
