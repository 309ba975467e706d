package dev.amldebug.server.commands;

import dev.amldebug.errors.AmlDebugException;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/** The first argument of a command, read as the record the command takes. */
final class Arguments {
    private static final Gson GSON = new Gson();

    private Arguments() {
    }

    /** lsp4j hands arguments over as Gson trees. */
    static <T> T first(List<Object> arguments, Class<T> type) {
        Object raw = arguments == null || arguments.isEmpty() ? new JsonObject() : arguments.get(0);
        JsonElement first = raw instanceof JsonElement element ? element : GSON.toJsonTree(raw);
        if (!first.isJsonObject()) {
            throw AmlDebugException.badInput("The command takes one object argument, found: " + first);
        }
        return GSON.fromJson(first, type);
    }
}
