package dev.amldebug.cli.output;

import java.util.Set;

/** The colour of a run's, job's or deployment's status: green when it went well, red when not, yellow on the way. */
public final class StatusStyle {
    private static final Set<String> GOOD = Set.of("Completed", "Healthy");
    private static final Set<String> BAD = Set.of("Failed", "Canceled", "Cancelled", "NotResponding", "Unhealthy");
    private static final Set<String> BUSY = Set.of("NotStarted", "Starting", "Provisioning", "Preparing", "Queued",
            "Running", "Finalizing", "CancelRequested");

    private StatusStyle() {
    }

    /** The style of {@code status}, or null to leave it plain (Paused, Stopped, Unknown, "-"). */
    public static Style of(String status) {
        return GOOD.contains(status) ? Style.GOOD : BAD.contains(status) ? Style.BAD
                : BUSY.contains(status) ? Style.BUSY : null;
    }

    /** {@code status} painted in its colour when {@code colour}. */
    public static String paint(String status, boolean colour) {
        Style style = of(status);
        return style == null ? status : style.paint(status, colour);
    }
}
