package dev.amldebug.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobStatusTest {
    @Test
    void readsAzureSpellingsAndKnowsTheEnds() {
        assertThat(JobStatus.of("Running")).isEqualTo(JobStatus.Running);
        assertThat(JobStatus.of("cancelrequested")).isEqualTo(JobStatus.CancelRequested);
        assertThat(JobStatus.of("Something new")).isEqualTo(JobStatus.Unknown);
        assertThat(JobStatus.Canceled.terminal()).isTrue();
        assertThat(JobStatus.CancelRequested.terminal()).isFalse();
        assertThat(JobStatus.Finalizing.terminal()).isFalse();
    }
}
