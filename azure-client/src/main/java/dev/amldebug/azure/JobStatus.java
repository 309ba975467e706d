package dev.amldebug.azure;

/** Azure ML's job statuses, as the REST API spells them. */
public enum JobStatus {
    NotStarted, Starting, Provisioning, Preparing, Queued, Running, Finalizing, CancelRequested,
    Completed, Failed, Canceled, NotResponding, Paused, Unknown;

    public boolean terminal() {
        return this == Completed || this == Failed || this == Canceled || this == NotResponding || this == Paused;
    }

    public static JobStatus of(String value) {
        if (value != null) {
            for (JobStatus status : values()) {
                if (status.name().equalsIgnoreCase(value) || ("Cancelled".equalsIgnoreCase(value) && status == Canceled)) {
                    return status;
                }
            }
        }
        return Unknown;
    }
}
