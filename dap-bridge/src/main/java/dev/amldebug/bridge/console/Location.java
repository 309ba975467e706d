package dev.amldebug.bridge.console;

import dev.amldebug.errors.AmlDebugException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.debug.StackFrame;

/** FILE:LINE as the console debugger takes and prints it, relative to the code folder when inside it. */
public record Location(Path file, int line) {

    public static Location parse(String text, Path codeDir) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw AmlDebugException.badInput("a breakpoint is FILE:LINE, for example train.py:42; found '" + text + "'");
        }
        int line;
        try {
            line = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw AmlDebugException.badInput("the line of breakpoint '" + text + "' is not a number: give FILE:LINE,"
                    + " for example train.py:42");
        }
        if (line < 1) {
            throw AmlDebugException.badInput("the line of breakpoint '" + text + "' must be 1 or more");
        }
        String file = text.substring(0, colon);
        Path inCode = codeDir.resolve(file).toAbsolutePath().normalize();
        // A path from where the user stands (src/train/train.py beside a pipeline.yml) is as good as one in the code folder.
        Path fromHere = Path.of(file).toAbsolutePath().normalize();
        return new Location(!Files.exists(inCode) && Files.exists(fromHere) ? fromHere : inCode, line);
    }

    /** A frame's FILE:LINE, as the console prints it. */
    static String of(StackFrame frame, Path codeDir) {
        return relative(frame.getSource() == null ? null : frame.getSource().getPath(), codeDir) + ":" + frame.getLine();
    }

    public static String relative(String path, Path codeDir) {
        if (path == null) {
            return "<unknown>";
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        Path root = codeDir.toAbsolutePath().normalize();
        return file.startsWith(root) ? root.relativize(file).toString() : path;
    }
}
