package dev.amldebug.server.commands;

import java.util.List;

/** One workspace/executeCommand command; its arguments arrive as JSON, its result goes back as JSON. */
@FunctionalInterface
public interface CommandHandler {
    Object execute(List<Object> arguments) throws Exception;
}
