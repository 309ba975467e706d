package dev.amldebug.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlainProgressTest {
    private final StringWriter written = new StringWriter();
    private final Progress progress = Progress.lines(new PrintWriter(written));

    @Test
    void imageBuildStepsAreOneLineEachWithNoCarriageReturnOrEscape() {
        try (Progress.Task build = progress.steps("Building image")) {
            build.stepTo(1, 3);
            build.stepTo(2, 3);
            build.stepTo(2, 3);
            build.stepTo(3, 3);
        }

        assertThat(written.toString()).isEqualTo(String.join(System.lineSeparator(),
                "Building image: step 1/3", "Building image: step 2/3", "Building image: step 3/3", ""))
                .doesNotContain("\r", "\u001b");
    }

    @Test
    void aTransferIsALineAtItsStartAndOneAtItsEndWithSizeAndTime() {
        Progress.Task upload = progress.bytes("Uploading the code snapshot of src", 3 * 1024 * 1024);
        upload.add(1024 * 1024);
        upload.add(2 * 1024 * 1024);
        upload.close();
        upload.close();

        assertThat(written.toString().lines()).hasSize(2)
                .first().isEqualTo("Uploading the code snapshot of src: 3.0 MB");
        assertThat(written.toString().lines().skip(1).findFirst()).get().asString()
                .matches("Uploading the code snapshot of src: done, 3\\.0 MB in \\d+\\.\\d s");
        assertThat(written.toString()).doesNotContain("\r", "\u001b");
    }

    @Test
    void aTransferThatStopsShortSaysHowFarItGot() {
        Progress.Task download = progress.bytes("Downloading job j", 2 * 1024 * 1024);
        download.add(1024 * 1024);
        download.close();

        assertThat(written.toString()).contains("Downloading job j: stopped after 1.0 MB of 2.0 MB");
    }

    @Test
    void aWaitSaysWhatItWaitsForAndItsLimit() {
        progress.waiting("Waiting for a debugger on 127.0.0.1:5678", Duration.ofSeconds(300)).close();
        progress.waiting("Waiting for job j to end", null).close();

        assertThat(written.toString().lines()).containsExactly(
                "Waiting for a debugger on 127.0.0.1:5678 (up to 300 s)...", "Waiting for job j to end...");
    }

    @Test
    void transfersBecomeByteTasks() {
        var transfers = progress.transfers();
        transfers.started("Downloading job j", 2048);
        transfers.transferred(1024);
        transfers.transferred(1024);
        transfers.ended();

        assertThat(written.toString().lines()).hasSize(2).last().asString().startsWith("Downloading job j: done, 2 KB in ");
    }
}
