package dev.amldebug.azurefake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azurefake.http.Call;
import dev.amldebug.azurefake.schema.SchemaValidator;
import dev.amldebug.azurefake.schema.SwaggerDefinitions;
import dev.amldebug.azurefake.schema.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Checks every request body against its operation's schema and keeps what did not match. */
final class RequestChecks {
    private final SchemaValidator validator = new SchemaValidator(SwaggerDefinitions.bundled());
    private final List<Violation> violations = new ArrayList<>();

    /** The problems of this body for an operation whose body is the named definition (null: the operation takes no body). */
    List<Violation> check(String operation, String definition, Call call) {
        List<Violation> found = new ArrayList<>();
        if (definition == null) {
            if (call.hasBody() && !new String(call.body()).isBlank()) {
                found.add(new Violation(operation, "$", "this operation takes no request body"));
            }
        } else if (!call.hasBody()) {
            found.add(new Violation(operation, "$", "a request body is required"));
        } else {
            try {
                JsonNode body = call.json();
                found.addAll(validator.check(operation, definition, body));
            } catch (IOException e) {
                found.add(new Violation(operation, "$", "is not JSON: " + e.getMessage()));
            }
        }
        synchronized (violations) {
            violations.addAll(found);
        }
        return found;
    }

    List<Violation> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    void clear() {
        synchronized (violations) {
            violations.clear();
        }
    }
}
