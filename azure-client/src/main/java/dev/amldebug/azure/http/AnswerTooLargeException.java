package dev.amldebug.azure.http;

import java.io.IOException;

/** An answer longer than we ever read whole: a wrong endpoint, or a proxy that answers with something else. */
public final class AnswerTooLargeException extends IOException {
    /** Far above any page of JSON and the 4 MB chunks logs and blobs are read in; far below what would hurt. */
    public static final int MAX_BYTES = 256 * 1024 * 1024;

    AnswerTooLargeException() {
        super("the answer is longer than " + (MAX_BYTES >> 20) + " MB");
    }
}
