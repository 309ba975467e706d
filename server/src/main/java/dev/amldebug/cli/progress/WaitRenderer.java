package dev.amldebug.cli.progress;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/** A wait as a spinner: what it waits for, how long so far, and the limit: "/ Waiting for X  12 s of 300 s". */
final class WaitRenderer implements ProgressBarRenderer {
    private static final String FRAMES = "|/-\\";

    private final Duration limit;

    WaitRenderer(Duration limit) {
        this.limit = limit;
    }

    @Override
    public String render(ProgressState state, int maxLength) {
        Duration elapsed = state.getTotalElapsed();
        char frame = FRAMES.charAt((int) (elapsed.toMillis() / 250 % FRAMES.length()));
        String text = frame + " " + state.getTaskName() + "  " + elapsed.toSeconds() + " s"
                + (limit == null ? "" : " of " + limit.toSeconds() + " s");
        return text.length() <= maxLength ? text : text.substring(0, Math.max(0, maxLength));
    }
}
