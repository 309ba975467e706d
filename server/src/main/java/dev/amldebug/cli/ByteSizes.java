package dev.amldebug.cli;

import dev.amldebug.cli.progress.Amounts;

final class ByteSizes {
    private ByteSizes() {
    }

    static String format(long bytes) {
        return Amounts.bytes(bytes);
    }
}
