package dev.amldebug.runner.image;

import java.util.function.Consumer;

/** What finding or building an image tells its caller: lines for the log, and where the build is. */
public interface ImageBuildListener {
    void line(String text);

    /** The build reached step {@code step} of {@code total}. */
    default void step(int step, int total) {
    }

    /** The image existed already. */
    default void reused(String tag) {
    }

    static ImageBuildListener lines(Consumer<String> lines) {
        return lines::accept;
    }
}
