package dev.amldebug.bridge.hub;

import java.time.Duration;
import java.time.Instant;

/**
 * A rank's last word on its line to the other ranks ({@link RankPeers}): whether it is paused, since when and why,
 * and what its pause governor holds. Fields it did not say are null.
 *
 * @param paused   a thread of it is paused by the debugger
 * @param reason   why it stopped: {@code breakpoint}, {@code step}, {@code exception}, {@code pause}
 * @param world    it was paused because another rank stopped (stop-the-world), not by a stop of its own
 * @param since    when it paused (or resumed)
 * @param waiting  where its main thread waits in native code while running, such as a collective
 *                 ({@code train.py:70 in main}); a pause takes it only when that returns
 * @param governor what the pause governor holds, as one phrase ({@code process-group timeouts stretched ...})
 */
public record RankStatus(Integer rank, long pid, boolean paused, String reason, boolean world, Instant since,
                         String waiting, String governor) {

    /** {@code paused 12 min} or {@code paused 40 s}, counted to {@code now}. */
    public String pausedFor(Instant now) {
        long seconds = Math.max(0, Duration.between(since == null ? now : since, now).toSeconds());
        return "paused " + (seconds < 120 ? seconds + " s" : seconds / 60 + " min");
    }

    /** Whether this is the word of that debuggee: the same rank and process. */
    public boolean of(Debuggee debuggee) {
        return debuggee.pid() == pid && java.util.Objects.equals(debuggee.rank(), rank);
    }
}
