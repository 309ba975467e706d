package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's help: a summary that is one whole sentence (the parent's command list shows only that), paragraphs
 * that are whole sentences, and at least two examples, each a comment line and a command line.
 */
class HelpTest {
    static Stream<String> commands() {
        return CompletionScript.commands(all()).stream()
                .filter(command -> !command.getCommandSpec().usageMessage().hidden())
                .map(command -> command.getCommandSpec().qualifiedName(" "));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theSummaryAndEveryParagraphAreWholeSentences(String name) {
        String[] description = spec(name).usageMessage().description();
        assertThat(description).as(name).isNotEmpty();
        for (String paragraph : description) {
            assertThat(paragraph.strip()).as(name + ": a paragraph that ends mid-sentence").matches("(?s)[A-Z`a-z\"].*[.]");
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void theHelpEndsWithTwoExamplesOrMore(String name) {
        List<String> footer = List.of(spec(name).usageMessage().footer());
        int examples = footer.indexOf("Examples:");
        assertThat(examples).as(name + " has an Examples: section").isNotNegative();
        List<String> lines = footer.subList(examples + 1, footer.size()).stream()
                .takeWhile(line -> line.startsWith("  ")).toList();
        assertThat(lines.size()).as(name + ": a comment and a command per example").isEven().isGreaterThanOrEqualTo(4);
        for (int i = 0; i < lines.size(); i += 2) {
            assertThat(lines.get(i)).as(name).startsWith("  # ");
            assertThat(lines.get(i + 1)).as(name).matches("  (source <\\()?aml-debug .*");
        }
    }

    /** An example is printed as written, on one line, whatever the width: it can be pasted. */
    @ParameterizedTest
    @MethodSource("commands")
    void examplesAreNeverWrapped(String name) {
        CommandLine command = command(name);
        command.setUsageHelpWidth(80);
        command.setUsageHelpAutoWidth(false);
        List<String> printed = command.getUsageMessage(CommandLine.Help.Ansi.OFF).lines().toList();
        for (String line : spec(name).usageMessage().footer()) {
            if (line.startsWith("  ")) {
                assertThat(printed).as(name).contains(line);
            }
        }
        assertThat(printed.stream().filter(line -> !line.startsWith("  ")).toList()).as(name)
                .allMatch(line -> line.length() <= 80);
    }

    /** The symptom: `deploy  Run a scoring script ... with Azure ML's contract:` and no more. */
    @ParameterizedTest
    @MethodSource("commands")
    void theParentsCommandListShowsTheWholeSummary(String name) {
        CommandLine command = command(name);
        CommandLine parent = command.getParent();
        if (parent == null) {
            return;
        }
        parent.setUsageHelpWidth(80);
        parent.setUsageHelpAutoWidth(false);
        String list = parent.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertThat(list).as(parent.getCommandName() + "'s help").contains(
                command.getCommandName() + " " + command.getCommandSpec().usageMessage().description()[0]);
    }

    private static CommandSpec spec(String name) {
        return command(name).getCommandSpec();
    }

    private static CommandLine command(String name) {
        CommandLine command = all();
        for (String part : name.split(" ")) {
            command = part.equals("aml-debug") ? command : command.getSubcommands().get(part);
        }
        return command;
    }

    private static CommandLine all() {
        return Main.commandLine(false, CliContext.forArguments());
    }
}
