package dev.amldebug.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.errors.AmlDebugException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;

/** A {@code --query} JMESPath expression (https://jmespath.org), as {@code az} takes it. */
public final class Query {
    private static final JacksonRuntime RUNTIME = new JacksonRuntime();

    private final String text;
    private final Expression<JsonNode> expression;

    private Query(String text, Expression<JsonNode> expression) {
        this.text = text;
        this.expression = expression;
    }

    public static Query parse(String text) {
        try {
            return new Query(text, RUNTIME.compile(text));
        } catch (JmesPathException e) {
            throw AmlDebugException.badInput("--query '" + text + "' is not a JMESPath expression (" + reason(e)
                    + "); see https://jmespath.org for the syntax.");
        }
    }

    public JsonNode apply(JsonNode value) {
        try {
            return expression.search(value);
        } catch (JmesPathException e) {
            throw AmlDebugException.badInput("--query '" + text + "' failed on this output (" + reason(e)
                    + "); check its field names and functions against `-o json`.");
        }
    }

    /** The library's reason, without the expression it repeats and the parser's list of the tokens it expected. */
    private static String reason(Exception e) {
        String message = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
        return message.replaceFirst("^Unable to compile expression \".*?\": ", "")
                .replaceAll(" expecting (\\{[^}]*\\}|\\S+)", "");
    }
}
