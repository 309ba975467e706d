package dev.amldebug.cli;

import dev.amldebug.cli.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Where a command shows long work (image builds, uploads, downloads, waits): on stderr, so stdout keeps only data;
 * as bars for a person at a terminal, as plain lines otherwise. A mixin with no options, made by {@link CliContext}.
 */
@Command // picocli takes a mixin without options only as a command
final class ProgressDisplay {
    private final CliContext context;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    ProgressDisplay(CliContext context) {
        this.context = context;
    }

    Progress progress() {
        return context.progress(mixee.commandLine().getErr());
    }

    /** Progress for waits a command already tells in its own lines: a spinner for a person, else null. */
    Progress spinners() {
        return context.bars() ? progress() : null;
    }
}
