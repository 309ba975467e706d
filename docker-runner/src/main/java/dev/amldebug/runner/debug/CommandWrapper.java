package dev.amldebug.runner.debug;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.spec.ImagePython;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the debug shim between the Python interpreter and the user's script, so the script
 * runs under debugpy with no change: {@code python train.py} becomes
 * {@code python /aml/debug/aml_debug_shim.py OPTIONS -- train.py}.
 */
public final class CommandWrapper {
    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");
    /** The first python invocation in a shell command: at the start, or after a separator or a space. */
    private static final Pattern SHELL_PYTHON = Pattern.compile("(^|[\\s;&|(])(python[0-9.]*)(\\s+)");

    private CommandWrapper() {
    }

    public static List<String> wrap(List<String> command, DebugOptions options) {
        if (ImagePython.isCommand(command)) {
            return ImagePython.command(shimArguments(ImagePython.arguments(command), options));
        }
        if (command.size() == 3 && command.get(0).equals("/bin/sh") && command.get(1).equals("-c")) {
            return List.of("/bin/sh", "-c", wrapShell(command.get(2), options));
        }
        if (command.isEmpty() || !PYTHON.matcher(baseName(command.get(0))).matches()) {
            throw AmlDebugException.badInput("a debug run needs a Python command (python script.py ...), found: "
                    + String.join(" ", command));
        }
        List<String> wrapped = new ArrayList<>();
        wrapped.add(command.get(0));
        wrapped.addAll(shimArguments(command.subList(1, command.size()), options));
        return List.copyOf(wrapped);
    }

    /** Python's arguments with the shim first: {@code train.py -x} becomes {@code SHIM OPTIONS -- train.py -x}. */
    private static List<String> shimArguments(List<String> pythonArguments, DebugOptions options) {
        List<String> arguments = new ArrayList<>();
        arguments.add(DebugOptions.SHIM);
        arguments.addAll(List.of(options.shimArguments()));
        arguments.add("--");
        arguments.addAll(pythonArguments);
        return arguments;
    }

    private static String wrapShell(String command, DebugOptions options) {
        return wrapShell(command, options, DebugOptions.SHIM);
    }

    /**
     * A shell command line with the shim at {@code shimPath} put before its first Python script, as on a remote
     * compute where the shim travels in the code snapshot: {@code python train.py} becomes
     * {@code python .aml_debug/aml_debug_shim.py OPTIONS -- train.py}.
     */
    public static String wrapShell(String command, DebugOptions options, String shimPath) {
        return wrapShell(command, List.of(options.shimArguments()), shimPath);
    }

    /** The same with the shim's arguments as given (connect mode's, say). */
    public static String wrapShell(String command, List<String> shimArguments, String shimPath) {
        Matcher matcher = SHELL_PYTHON.matcher(command);
        if (!matcher.find()) {
            throw AmlDebugException.badInput("a debug run needs the command to run Python (python train.py ...);"
                    + " found: " + command);
        }
        String shim = " " + shimPath + " " + String.join(" ", shimArguments) + " --";
        return command.substring(0, matcher.end(2)) + shim + command.substring(matcher.end(2));
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
