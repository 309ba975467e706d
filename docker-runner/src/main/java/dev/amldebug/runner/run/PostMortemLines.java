package dev.amldebug.runner.run;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.amldebug.runner.debug.ShimLines;
import java.nio.charset.StandardCharsets;

/**
 * A container's output read as it comes for one thing only, the debug shim's post-mortem lines, so that run.json says
 * {@code postMortem} while the script waits for a debugger, also when nobody streams the run (a detached run's
 * follower keeps its whole log only at the end).
 */
final class PostMortemLines extends ResultCallback.Adapter<Frame> {
    private final ShimLines lines = new ShimLines();
    private final RunStore store;
    private final String runId;

    PostMortemLines(RunStore store, String runId) {
        this.store = store;
        this.runId = runId;
    }

    @Override
    public void onNext(Frame frame) {
        for (ShimLines.PostMortem waiting : lines.postMortems(new String(frame.getPayload(), StandardCharsets.UTF_8))) {
            store.update(runId, r -> r.postMortem = waiting.exception());
        }
    }
}
