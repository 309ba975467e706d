package dev.amldebug.runner.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Follows a run's containers (one, or a distributed run's nodes) until they exited and their output is written,
 * then records the end.
 */
public final class ContainerFollower implements LocalRun.Follower {
    /** Waits for the containers; returns the run's exit code. */
    public interface Exit {
        int await() throws InterruptedException;
    }

    /** Records the end, given the exit code. */
    public interface End {
        RunRecord record(int exitCode);
    }

    private final Exit exit;
    private final List<DriverLogStream> outputs;
    private final End end;
    private final RunListener listener;

    public ContainerFollower(Exit exit, List<DriverLogStream> outputs, End end, RunListener listener) {
        this.exit = exit;
        this.outputs = List.copyOf(outputs);
        this.end = end;
        this.listener = listener;
    }

    @Override
    public RunRecord await() throws InterruptedException {
        int exitCode = exit.await();
        for (DriverLogStream output : outputs) {
            output.awaitCompletion();
            try {
                output.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the driver log", e);
            }
        }
        RunRecord ended = end.record(exitCode);
        listener.statusChanged(ended);
        return ended;
    }
}
