package dev.amldebug.cli;

import picocli.CommandLine;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the aml-debug jar. */
public final class Main {
    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level (lsp4j then warns). */
    private static final Logger LSP4J = Logger.getLogger("org.eclipse.lsp4j");
    private Main() {
    }

    public static void main(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        // Before the first logger exists: slf4j-simple reads its level once.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // docker-java logs whole requests at DEBUG, the job's environment values (secrets) among them: never those.
        System.setProperty("org.slf4j.simpleLogger.log.com.github.dockerjava", "info");
        // A callback's failure (a pull with no registry, a full disk) is ours to say in one sentence; docker-java would
        // print its stack trace first.
        System.setProperty("org.slf4j.simpleLogger.log.com.github.dockerjava.api.async.ResultCallbackTemplate",
                verbose ? "info" : "off");
        // The Azure SDK and MSAL at DEBUG describe sign-ins and requests in detail: never at our --verbose; without
        // it, their failures (a signed-out `az`) come to the user as our own one sentence, not as their log lines.
        System.setProperty("org.slf4j.simpleLogger.log.com.azure", verbose ? "info" : "off");
        System.setProperty("org.slf4j.simpleLogger.log.com.microsoft.aad.msal4j", "warn");
        // lsp4j logs through java.util.logging; a closed socket at the end of a session is not news.
        LSP4J.setLevel(verbose ? Level.ALL : Level.SEVERE);
        System.exit(commandLine(verbose, CliContext.forArguments(args), args).execute(args));
    }

    /** The command line for {@code args}: the subcommand they name, or all of them (for help and errors). */
    static CommandLine commandLine(boolean verbose, CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(new AmlDebugCommand(), context);
        String first = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().orElse("");
        AmlDebugCommand.SUBCOMMANDS.forEach((name, type) -> {
            if (first.isEmpty() || name.equals(first) || !AmlDebugCommand.SUBCOMMANDS.containsKey(first)) {
                commandLine.addSubcommand(name, new CommandLine(type, context));
            }
        });
        if (context.bars()) {
            commandLine.setErr(context.stickyErr().writer());
            if (context.terminal().stdoutIsTerminal()) {
                commandLine.setOut(context.stickyErr().writer(System.out));
            }
        }
        commandLine.setExecutionExceptionHandler(new ErrorReporter(verbose, context.terminal().colourErr()));
        commandLine.setParameterExceptionHandler(new UsageErrors(context.terminal().colourErr()));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // As wide as the terminal: an example's command line then stays on one line.
        commandLine.setUsageHelpAutoWidth(true);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                context.terminal().colourOut() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        unwrappedFooters(commandLine);
        return commandLine;
    }

    /**
     * Examples (indented footer lines) as written, never wrapped by picocli: a command line broken inside a word cannot
     * be pasted; a long one is left for the terminal to wrap, which pastes whole. Prose lines wrap between words.
     */
    private static void unwrappedFooters(CommandLine command) {
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            StringBuilder footer = new StringBuilder();
            for (String line : help.commandSpec().usageMessage().footer()) {
                footer.append(line.startsWith(" ") ? line : FooterProse.wrap(line, help.commandSpec().usageMessage().width()))
                        .append(System.lineSeparator());
            }
            return footer.toString();
        });
        command.getSubcommands().values().forEach(Main::unwrappedFooters);
    }
}
