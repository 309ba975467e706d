package dev.amldebug.cli.progress;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress drawn with the progressbar library on the last line of a terminal ({@link StickyLine}). One bar at a time:
 * work that starts while a bar is up is told in plain lines above it.
 */
final class BarProgress implements Progress {
    private static final int REFRESH_MILLIS = 250;

    private final StickyLine line;
    private final Progress plain;

    BarProgress(StickyLine line) {
        this.line = line;
        this.plain = new PlainProgress(line.writer());
    }

    @Override
    public boolean onTerminal() {
        return true;
    }

    @Override
    public Task steps(String task) {
        Sticky consumer = new Sticky(true);
        if (!line.claim(consumer)) {
            return plain.steps(task);
        }
        return new Bar(base(task, consumer).setUnit(" steps", 1).hideEta().setInitialMax(1), consumer);
    }

    @Override
    public Task bytes(String task, long totalBytes) {
        Sticky consumer = new Sticky(true);
        if (!line.claim(consumer)) {
            return plain.bytes(task, totalBytes);
        }
        String unit = Amounts.unit(totalBytes);
        return new Bar(base(task, consumer).setInitialMax(totalBytes).setUnit(" " + unit, Amounts.unitSize(unit))
                .showSpeed(), consumer);
    }

    @Override
    public Task waiting(String what, Duration limit) {
        Sticky consumer = new Sticky(false);
        if (!line.claim(consumer)) {
            return plain.waiting(what, limit);
        }
        return new Bar(base(what, consumer).setInitialMax(-1).setRenderer(new WaitRenderer(limit)), consumer);
    }

    private static ProgressBarBuilder base(String task, Sticky consumer) {
        return new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REFRESH_MILLIS).continuousUpdate().setConsumer(consumer);
    }

    private static final class Bar implements Task {
        private final ProgressBar bar;
        private final Sticky consumer;

        Bar(ProgressBarBuilder builder, Sticky consumer) {
            this.bar = builder.build();
            this.consumer = consumer;
        }

        @Override
        public void stepTo(long step, long total) {
            bar.maxHint(total);
            bar.stepTo(step);
        }

        @Override
        public void add(long amount) {
            bar.stepBy(amount);
        }

        /** The library closes its consumer on its own thread, not always before this returns: the line is freed here. */
        @Override
        public void close() {
            bar.close();
            consumer.close();
        }
    }

    /** The library's output, onto the sticky line; a finished bar stays as a line ({@code keep}) or goes. */
    private final class Sticky implements ProgressBarConsumer {
        private final boolean keep;

        Sticky(boolean keep) {
            this.keep = keep;
        }

        @Override
        public int getMaxRenderedLength() {
            return line.width();
        }

        @Override
        public void accept(String rendered) {
            line.draw(this, rendered);
        }

        @Override
        public void close() {
            line.release(this, keep);
        }
    }
}
