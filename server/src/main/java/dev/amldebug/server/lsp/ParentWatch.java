package dev.amldebug.server.lsp;

/** The server exits when the editor that started it is gone; runs it started keep going. */
final class ParentWatch {
    private ParentWatch() {
    }

    static void exitWhenGone(long pid, Runnable exit) {
        ProcessHandle.of(pid).ifPresentOrElse(parent -> parent.onExit().thenRun(exit), exit);
    }
}
