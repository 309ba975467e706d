package dev.amldebug.server.commands;

import dev.amldebug.errors.AmlDebugException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The azureml.* commands by id, each handled by its own small handler. */
public final class CommandRegistry {
    private final Map<String, CommandHandler> handlers = new LinkedHashMap<>();

    public CommandRegistry register(String id, CommandHandler handler) {
        handlers.put(id, handler);
        return this;
    }

    public Set<String> ids() {
        return handlers.keySet();
    }

    public Object execute(String id, List<Object> arguments) throws Exception {
        CommandHandler handler = handlers.get(id);
        if (handler == null) {
            throw AmlDebugException.badInput("Unknown command '" + id + "'. Known: " + String.join(", ", handlers.keySet()));
        }
        return handler.execute(arguments);
    }
}
