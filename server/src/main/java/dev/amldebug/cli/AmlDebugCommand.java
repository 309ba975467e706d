package dev.amldebug.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "aml-debug", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run and debug Azure ML experiments locally in Docker, with no changes to your scripts."},
        footer = {"",
                "Examples:",
                "  # Run a v2 command job locally",
                "  aml-debug run examples/digits/job.yml",
                "  # Debug it: stop at line 44 of train.py, with no change to the script",
                "  aml-debug run examples/digits/job.yml --break train.py:44",
                "  # The runs of this folder, as JSON for a script",
                "  aml-debug runs list -o json",
                "  # Follow every rank of an Azure ML job",
                "  aml-debug azure jobs logs JOB --follow --all",
                "  # Complete commands, run ids and job names with [TAB] in bash",
                "  source <(aml-debug completion bash)"})
final class AmlDebugCommand {
    /**
     * The subcommands, by name. picocli reflects over every command it is given, which takes a good
     * part of a short command's start: only the one that runs is given, unless help lists them all.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("run", RunCommand.class);
        all.put("runs", RunsCommand.class);
        all.put("images", ImagesCommand.class);
        all.put("attach", AttachCommand.class);
        all.put("dap", DapCommand.class);
        all.put("serve", ServeCommand.class);
        all.put("deploy", DeployCommand.class);
        all.put("azure", AzureCommand.class);
        all.put("completion", CompletionCommand.class);
        all.put("completion-words", CompletionWordsCommand.class);
        return all;
    }

    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show debug logging and stack traces.")
    boolean verbose;

    /** Read by {@link dev.amldebug.cli.output.Terminal#detect} before parsing; declared here for help and parsing. */
    @Option(names = "--no-color", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "No colour in the output (also: the NO_COLOR variable, or output that is not a terminal).")
    boolean noColor;
}
