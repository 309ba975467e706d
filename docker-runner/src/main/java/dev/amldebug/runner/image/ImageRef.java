package dev.amldebug.runner.image;

/** An environment's image: its tag, its hash, and whether it was reused rather than built. */
public record ImageRef(String tag, String hash, boolean reused) {
}
