package dev.amldebug.server.run.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepScheduleTest {
    /** prep -> train -> eval, and report on its own. */
    private static Map<String, Set<String>> pipeline() {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        needs.put("prep", Set.of());
        needs.put("report", Set.of());
        needs.put("train", Set.of("prep"));
        needs.put("eval", Set.of("train"));
        return needs;
    }

    @Test
    void startsIndependentStepsTogetherUpToTheBoundAndDependentsOnlyAfterTheirInputsCompleted() {
        StepSchedule schedule = new StepSchedule(pipeline(), false, 2);
        assertThat(schedule.start()).containsExactly("prep", "report");
        assertThat(schedule.start()).as("nothing ready while prep runs").isEmpty();
        assertThat(schedule.ended("report", true)).isEmpty();
        assertThat(schedule.start()).as("train needs prep").isEmpty();
        schedule.ended("prep", true);
        assertThat(schedule.start()).containsExactly("train");
        schedule.ended("train", true);
        assertThat(schedule.start()).containsExactly("eval");
        schedule.ended("eval", true);
        assertThat(schedule.done()).isTrue();
        assertThat(schedule.failed()).isEmpty();
    }

    @Test
    void aBoundOfOneRunsTheStepsOneAtATimeInDependencyOrder() {
        StepSchedule schedule = new StepSchedule(pipeline(), false, 1);
        assertThat(schedule.start()).containsExactly("prep");
        schedule.ended("prep", true);
        assertThat(schedule.start()).containsExactly("report");
        schedule.ended("report", true);
        assertThat(schedule.start()).containsExactly("train");
    }

    @Test
    void aFailedStepStopsEveryStepNotStartedWithoutContinueOnStepFailure() {
        StepSchedule schedule = new StepSchedule(pipeline(), false, 1);
        schedule.start();
        List<StepSchedule.NotRun> stopped = schedule.ended("prep", false);
        assertThat(stopped).extracting(StepSchedule.NotRun::step).containsExactly("report", "train", "eval");
        assertThat(stopped.get(1).reason()).isEqualTo("step prep failed, and this step needs its outputs");
        assertThat(stopped.get(0).reason()).contains("continue_on_step_failure");
        assertThat(schedule.done()).isTrue();
        assertThat(schedule.failed()).containsExactly("prep");
    }

    @Test
    void withContinueOnStepFailureOnlyTheDependentsOfAFailedStepStop() {
        StepSchedule schedule = new StepSchedule(pipeline(), true, 1);
        schedule.start();
        assertThat(schedule.ended("prep", false)).extracting(StepSchedule.NotRun::step).containsExactly("train", "eval");
        assertThat(schedule.start()).containsExactly("report");
        schedule.ended("report", true);
        assertThat(schedule.done()).isTrue();
        assertThat(schedule.state("eval")).isEqualTo(StepSchedule.State.NOT_RUN);
    }

    @Test
    void aStepStillRunningWhenAnotherFailsRunsToItsEnd() {
        StepSchedule schedule = new StepSchedule(pipeline(), false, 2);
        schedule.start();
        schedule.ended("prep", false);
        assertThat(schedule.done()).as("report still runs").isFalse();
        schedule.ended("report", true);
        assertThat(schedule.done()).isTrue();
    }

    @Test
    void cancelingStopsTheWaitingSteps() {
        StepSchedule schedule = new StepSchedule(pipeline(), false, 2);
        schedule.start();
        assertThat(schedule.cancelWaiting()).extracting(StepSchedule.NotRun::reason)
                .containsOnly("the pipeline was canceled");
        assertThat(schedule.start()).isEmpty();
    }

    @Test
    void needsFollowsDependenciesTransitively() {
        StepSchedule schedule = new StepSchedule(pipeline(), false, 2);
        assertThat(schedule.needs("eval", "prep")).isTrue();
        assertThat(schedule.needs("report", "prep")).isFalse();
        assertThatThrownBy(() -> new StepSchedule(pipeline(), false, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.ended("eval", true)).isInstanceOf(IllegalStateException.class);
    }
}
