package dev.amldebug.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bars as drawn for a terminal, into a stream; and when bars are wanted at all. */
class BarProgressTest {
    private final ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    private final StickyLine terminal = new StickyLine(new PrintStream(drawn, true, StandardCharsets.UTF_8));

    @Test
    void aBuildIsABarThatStaysBelowTheLinesWrittenMeanwhile() {
        Progress progress = Progress.bars(terminal);
        try (Progress.Task build = progress.steps("Building image")) {
            build.stepTo(3, 7);
            terminal.writer().println("[control] Step 3/7 : RUN true");
        }

        String text = drawn.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\r\u001b[KBuilding image", "3/7 steps", "[control] Step 3/7 : RUN true\n");
        // the bar comes back below the line written meanwhile, and stays as a line of its own when it ends
        assertThat(text.lastIndexOf("3/7 steps")).isGreaterThan(text.indexOf("[control]"));
        assertThat(text).endsWith("\n");
    }

    @Test
    void aSecondTaskWhileABarIsUpIsToldInLines() {
        Progress progress = Progress.bars(terminal);
        try (Progress.Task wait = progress.waiting("Waiting for job j to end", null);
             Progress.Task upload = progress.bytes("Uploading the input data", 2048)) {
            upload.add(2048);
        }

        assertThat(drawn.toString(StandardCharsets.UTF_8)).contains("Uploading the input data: 2 KB\n",
                "Uploading the input data: done, 2 KB in ");
    }

    @Test
    void barsOnlyOnATerminalThatIsNotDumbAndNeverForJson() {
        assertThat(Progress.wanted(true, "xterm", List.of("run", "job.yml"))).isTrue();
        assertThat(Progress.wanted(false, "xterm", List.of("run", "job.yml"))).isFalse();
        assertThat(Progress.wanted(true, "dumb", List.of("run", "job.yml"))).isFalse();
        assertThat(Progress.wanted(true, "xterm", List.of("runs", "list", "-o", "json"))).isFalse();
        assertThat(Progress.wanted(true, "xterm", List.of("runs", "list", "--output", "JSON"))).isFalse();
        assertThat(Progress.wanted(true, "xterm", List.of("runs", "list", "--output=json"))).isFalse();
        assertThat(Progress.wanted(true, "xterm", List.of("runs", "list", "-o", "table"))).isTrue();
    }
}
