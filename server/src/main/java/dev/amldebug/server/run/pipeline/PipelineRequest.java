package dev.amldebug.server.run.pipeline;

import dev.amldebug.runner.debug.DebugOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local pipeline run, as every caller asks for it. The defaults live here.
 *
 * @param source      the pipeline job YAML ({@code type: pipeline}); relative paths are relative to the workspace
 * @param debugSteps  the steps to run under the debug shim (each becomes a debug target when it starts)
 * @param debug       how the debug steps wait for their debugger
 * @param forceRerun  true: run every step, reusing nothing; false: reuse where Azure ML's rule allows, whatever
 *                    {@code settings.force_rerun} says; null: as {@code settings.force_rerun} says
 * @param experiment  the experiment name instead of the pipeline's own, or null
 * @param maxParallel how many independent steps run at the same time
 * @param postMortemSeconds with a number, every step not in {@code debugSteps} runs with post-mortem: it starts at
 *                          once, and an exception it does not handle waits this long for a debugger; null for none
 */
public record PipelineRequest(Path source, List<String> debugSteps, DebugOptions debug, Boolean forceRerun,
                              String experiment, int maxParallel, Integer postMortemSeconds) {
    /** How many independent steps run at the same time unless told otherwise. */
    public static final int DEFAULT_PARALLEL_STEPS = 2;
    private static final Pattern PIPELINE_TYPE = Pattern.compile("^type:\\s*[\"']?pipeline[\"']?\\s*(#.*)?$");

    public PipelineRequest {
        debugSteps = debugSteps == null ? List.of() : List.copyOf(debugSteps);
        debug = debug == null ? DebugOptions.defaults() : debug;
    }

    public static PipelineRequest of(Path source) {
        return new PipelineRequest(source, List.of(), null, null, null, DEFAULT_PARALLEL_STEPS, null);
    }

    public PipelineRequest withDebugSteps(List<String> steps, DebugOptions options) {
        return new PipelineRequest(source, steps, options, forceRerun, experiment, maxParallel, postMortemSeconds);
    }

    public PipelineRequest withForceRerun(Boolean value) {
        return new PipelineRequest(source, debugSteps, debug, value, experiment, maxParallel, postMortemSeconds);
    }

    public PipelineRequest withExperiment(String value) {
        return new PipelineRequest(source, debugSteps, debug, forceRerun, value, maxParallel, postMortemSeconds);
    }

    public PipelineRequest withMaxParallel(int value) {
        return new PipelineRequest(source, debugSteps, debug, forceRerun, experiment, value, postMortemSeconds);
    }

    /** Every step not debugged runs with post-mortem, waiting {@code seconds} (the default when null). */
    public PipelineRequest withPostMortem(Integer seconds) {
        return new PipelineRequest(source, debugSteps, debug, forceRerun, experiment, maxParallel,
                DebugOptions.postMortemOnly(seconds).postMortemSeconds());
    }

    /** How {@code step} runs under the debug shim: as a debug step, with post-mortem only, or not at all (null). */
    DebugOptions debugOptions(String step) {
        return debugSteps.contains(step) ? debug
                : postMortemSeconds == null ? null : DebugOptions.postMortemOnly(postMortemSeconds);
    }

    /** Whether {@code file} is a pipeline job: a YAML whose top level says {@code type: pipeline}. */
    public static boolean isPipeline(Path file) {
        String name = file.getFileName().toString();
        if (!(name.endsWith(".yml") || name.endsWith(".yaml")) || !Files.isRegularFile(file)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.anyMatch(line -> PIPELINE_TYPE.matcher(line.stripTrailing()).matches());
        } catch (IOException | UncheckedIOException e) {
            // Unreadable here means unreadable for the job parser too, which says so with the file's name.
            return false;
        }
    }
}
