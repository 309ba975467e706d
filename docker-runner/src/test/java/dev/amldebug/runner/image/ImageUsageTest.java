package dev.amldebug.runner.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** Two runs that start at the same moment (two pipeline steps) both record their image's use. */
class ImageUsageTest {
    @TempDir
    Path cache;

    @RepeatedTest(50)
    void twoRunsTouchingTheSameNewImageAtOnceBothSucceed() throws Exception {
        ImageUsage usage = new ImageUsage(cache.resolve("image-use"));
        int runs = 32;
        CyclicBarrier together = new CyclicBarrier(runs);
        CountDownLatch done = new CountDownLatch(runs);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        String hash = "h" + System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Thread thread = new Thread(() -> {
                try {
                    together.await();
                    usage.touch(hash);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            threads.add(thread);
            thread.start();
        }
        done.await();

        assertThat(failure.get()).isNull();
        assertThat(usage.lastUse(hash)).isPresent();
    }
}
