package dev.amldebug.server.run;

import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.distributed.RankDebug;
import dev.amldebug.runner.run.StartOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What to run, as every caller (CLI, language server, debug adapter) asks for it. The defaults
 * live here and in {@link DebugOptions}, nowhere else.
 *
 * @param source      a job YAML, a .runconfig or a script; relative paths are relative to the workspace
 * @param environment an environment YAML to run in instead of the job's own, or null
 * @param arguments   extra arguments for the script
 * @param experiment  the experiment name instead of the job's own, or null
 * @param debug       run under the debug shim with these options, or null for a plain run
 * @param detach      leave the run to itself once its container started
 * @param replayOf    where the run came from, when it replays a cloud job ("WORKSPACE/JOB"), or null
 * @param rankDebug   distributed jobs: the ranks that run under a given prefix; null for none (a hook for tests and
 *                    callers of their own; {@code debug} on a distributed job runs the ranks under the debug hub)
 * @param debugRanks  distributed jobs with {@code debug}: the ranks to debug through the debug hub; null or empty: all
 */
public record RunRequest(Path source, Path environment, List<String> arguments, String experiment, DebugOptions debug,
                         boolean detach, String replayOf, RankDebug rankDebug, Set<Integer> debugRanks) {
    public RunRequest {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        debugRanks = debugRanks == null ? Set.of() : Set.copyOf(debugRanks);
    }

    public static RunRequest of(Path source) {
        return new RunRequest(source, null, List.of(), null, null, false, null, null, null);
    }

    public RunRequest withEnvironment(Path value) {
        return new RunRequest(source, value, arguments, experiment, debug, detach, replayOf, rankDebug, debugRanks);
    }

    public RunRequest withArguments(List<String> value) {
        return new RunRequest(source, environment, value, experiment, debug, detach, replayOf, rankDebug, debugRanks);
    }

    public RunRequest withExperiment(String value) {
        return new RunRequest(source, environment, arguments, value, debug, detach, replayOf, rankDebug, debugRanks);
    }

    public RunRequest withDebug(DebugOptions value) {
        return new RunRequest(source, environment, arguments, experiment, value, detach, replayOf, rankDebug, debugRanks);
    }

    public RunRequest detached(boolean value) {
        return new RunRequest(source, environment, arguments, experiment, debug, value, replayOf, rankDebug, debugRanks);
    }

    public RunRequest withReplayOf(String value) {
        return new RunRequest(source, environment, arguments, experiment, debug, detach, value, rankDebug, debugRanks);
    }

    /** A distributed job's chosen ranks run under {@code value}'s prefix and environment; null: none. */
    public RunRequest withRankDebug(RankDebug value) {
        return new RunRequest(source, environment, arguments, experiment, debug, detach, replayOf, value, debugRanks);
    }

    /** A distributed job debugged with {@code debug}: only these ranks (empty: all of them). */
    public RunRequest withDebugRanks(Set<Integer> value) {
        return new RunRequest(source, environment, arguments, experiment, debug, detach, replayOf, rankDebug, value);
    }

    StartOptions startOptions() {
        return new StartOptions(detach, debug);
    }
}
