package dev.amldebug.runner.run;

/** What a run tells whoever watches it: the CLI prints it, the language server forwards it. */
public interface RunListener {
    /** A line of the control log (image build, container lifecycle). */
    default void controlLine(String line) {
    }

    /** Raw output of the script, as it arrives; not necessarily whole lines. */
    default void driverOutput(String text) {
    }

    default void statusChanged(RunRecord record) {
    }

    /** A typed fact about the run's progress. */
    default void event(RunEvent event) {
    }

    RunListener NONE = new RunListener() {
    };
}
