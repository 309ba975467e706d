package dev.amldebug.runner.distributed;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.spec.ShellQuote;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The command line of one rank: the job's own, or for a debugged rank the same with its Python replaced. */
final class RankCommand {
    /** The first python invocation in a shell command: at the start, or after a separator or a space. */
    private static final Pattern SHELL_PYTHON = Pattern.compile("(^|[\\s;&|(])(python[0-9.]*)(\\s+)");

    private RankCommand() {
    }

    /** @param command the job's command, {@code /bin/sh -c LINE} or an argv starting with python */
    static List<String> of(List<String> command, List<String> prefix) {
        if (prefix == null) {
            return command;
        }
        if (command.size() == 3 && command.get(0).equals("/bin/sh") && command.get(1).equals("-c")) {
            return List.of("/bin/sh", "-c", shell(command.get(2), prefix));
        }
        if (!command.isEmpty() && command.get(0).matches("(.*/)?python[0-9.]*")) {
            return Stream.concat(prefix.stream(), command.stream().skip(1)).toList();
        }
        throw notPython(String.join(" ", command));
    }

    private static String shell(String line, List<String> prefix) {
        Matcher matcher = SHELL_PYTHON.matcher(line);
        if (!matcher.find()) {
            throw notPython(line);
        }
        String quoted = prefix.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
        return line.substring(0, matcher.start(2)) + quoted + line.substring(matcher.end(2));
    }

    private static AmlDebugException notPython(String command) {
        return AmlDebugException.badInput("debugging a rank needs the job's command to run Python (python train.py"
                + " ...); found: " + command);
    }
}
