package dev.amldebug.server.run.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pipeline steps may start, and which will never run: pure bookkeeping, no threads, no Docker.
 * A step is ready when every step it depends on completed. A failed step stops its dependents; without
 * continue-on-step-failure it also stops every step that has not started.
 */
final class StepSchedule {
    enum State { WAITING, RUNNING, COMPLETED, FAILED, NOT_RUN }

    /** A step that will not run, and why. */
    record NotRun(String step, String reason) {
    }

    private final Map<String, Set<String>> dependsOn;
    private final boolean continueOnStepFailure;
    private final int maxParallel;
    private final Map<String, State> states = new LinkedHashMap<>();

    /** @param dependsOn step -> the steps it needs, in dependency order */
    StepSchedule(Map<String, Set<String>> dependsOn, boolean continueOnStepFailure, int maxParallel) {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("at least one step must be able to run");
        }
        this.dependsOn = dependsOn;
        this.continueOnStepFailure = continueOnStepFailure;
        this.maxParallel = maxParallel;
        dependsOn.keySet().forEach(step -> states.put(step, State.WAITING));
    }

    /** The steps to start now, in dependency order, within the bound; they are marked running. */
    List<String> start() {
        List<String> ready = new ArrayList<>();
        long running = count(State.RUNNING);
        for (Map.Entry<String, State> entry : states.entrySet()) {
            if (running + ready.size() >= maxParallel) {
                break;
            }
            if (entry.getValue() == State.WAITING && dependsOn.get(entry.getKey()).stream()
                    .allMatch(need -> states.get(need) == State.COMPLETED)) {
                ready.add(entry.getKey());
            }
        }
        ready.forEach(step -> states.put(step, State.RUNNING));
        return ready;
    }

    /** Records a step's end; returns the steps that will now never run. */
    List<NotRun> ended(String step, boolean completed) {
        if (states.get(step) != State.RUNNING) {
            throw new IllegalStateException("step " + step + " was not running");
        }
        states.put(step, completed ? State.COMPLETED : State.FAILED);
        if (completed) {
            return List.of();
        }
        List<NotRun> stopped = new ArrayList<>();
        for (String waiting : waiting()) {
            if (needs(waiting, step)) {
                stopped.add(new NotRun(waiting, "step " + step + " failed, and this step needs its outputs"));
            } else if (!continueOnStepFailure) {
                stopped.add(new NotRun(waiting, "step " + step + " failed (set settings.continue_on_step_failure"
                        + " to run the steps that do not need it)"));
            }
        }
        stopped.forEach(notRun -> states.put(notRun.step(), State.NOT_RUN));
        return stopped;
    }

    /** The pipeline was canceled: nothing more starts. */
    List<NotRun> cancelWaiting() {
        List<NotRun> stopped = waiting().stream().map(step -> new NotRun(step, "the pipeline was canceled")).toList();
        stopped.forEach(notRun -> states.put(notRun.step(), State.NOT_RUN));
        return stopped;
    }

    boolean isRunning() {
        return count(State.RUNNING) > 0;
    }

    boolean done() {
        return count(State.RUNNING) == 0 && count(State.WAITING) == 0;
    }

    List<String> failed() {
        return states.entrySet().stream().filter(e -> e.getValue() == State.FAILED).map(Map.Entry::getKey).toList();
    }

    State state(String step) {
        return states.get(step);
    }

    /** Whether {@code step} needs {@code upstream}'s outputs, directly or through other steps. */
    boolean needs(String step, String upstream) {
        for (String need : dependsOn.get(step)) {
            if (need.equals(upstream) || needs(need, upstream)) {
                return true;
            }
        }
        return false;
    }

    private List<String> waiting() {
        return states.entrySet().stream().filter(e -> e.getValue() == State.WAITING).map(Map.Entry::getKey).toList();
    }

    private long count(State state) {
        return states.values().stream().filter(s -> s == state).count();
    }
}
