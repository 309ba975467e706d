package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.server.lsp.Protocol.RunLogParams;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class LogBatcherTest {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

    @Test
    void cutsRawOutputIntoLinesAndSendsThemTogether() {
        List<RunLogParams> sent = new CopyOnWriteArrayList<>();
        try (LogBatcher batcher = new LogBatcher(sent::add, TIMER)) {
            batcher.text("r1", "70_driver_log.txt", "epoch 1\nepo");
            batcher.text("r1", "70_driver_log.txt", "ch 2\npartial");
            batcher.flush();
            assertThat(sent).extracting(RunLogParams::lines).containsExactly(List.of("epoch 1", "epoch 2"));
            batcher.text("r1", "70_driver_log.txt", " line\n");
        }
        assertThat(sent.get(sent.size() - 1).lines()).containsExactly("partial line");
    }

    @Test
    void aFloodIsBoundedAndSaysWhatItDropped() {
        List<RunLogParams> sent = new CopyOnWriteArrayList<>();
        LogBatcher batcher = new LogBatcher(sent::add, TIMER);
        synchronized (batcher) {
            for (int i = 0; i < LogBatcher.MAX_WAITING_LINES + 250; i++) {
                batcher.lines("r1", "70_driver_log.txt", List.of("line " + i));
            }
        }
        batcher.close();
        List<String> lines = sent.stream().flatMap(p -> p.lines().stream()).toList();
        assertThat(lines).hasSizeLessThanOrEqualTo(LogBatcher.MAX_WAITING_LINES + 1);
        assertThat(lines.get(0)).contains("250 lines dropped");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("line " + (LogBatcher.MAX_WAITING_LINES + 249));
    }
}
