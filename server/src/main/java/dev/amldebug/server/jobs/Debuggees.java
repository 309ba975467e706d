package dev.amldebug.server.jobs;

import dev.amldebug.azure.TransferListener;

/**
 * Where a surface takes what the job service finds while it follows a submitted job: the console attaches to each
 * debuggee in turn, the editor is told to attach. Called from the service's threads.
 */
public interface Debuggees {
    /** A process waits for a debugger. */
    void ready(Debuggee debuggee);

    /** A connect-back job's hub is open; the job's processes join it as they start. */
    void hub(JobHub hub);

    /** A line of progress: an upload, a step that started, a process still missing. */
    void say(String line);

    /** Hears the bytes of the submit's uploads (the code snapshots, local inputs); nothing by default. */
    default TransferListener transfers() {
        return TransferListener.NONE;
    }

    /** A watch ended without every process it waited for; {@code sentence} says why (often the last line said). */
    void warn(String sentence);

    /** A watch could not go on: {@code named} (a step or job) and why. */
    void failed(String named, RuntimeException error);
}
