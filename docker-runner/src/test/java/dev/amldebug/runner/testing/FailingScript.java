package dev.amldebug.runner.testing;

/** A script that raises an exception it does not handle, two calls deep, with locals in every frame. */
public final class FailingScript {
    /** ZeroDivisionError in divide() (line 2), called by train() (line 8), called at line 11. */
    public static final String DIVIDE = """
            def divide(total, count):
                ratio = total / count
                return ratio


            def train(epochs):
                losses = [0.5, 0.25]
                return divide(sum(losses), epochs - 2)


            train(2)
            """;
    public static final String EXCEPTION = "ZeroDivisionError: float division by zero";

    private FailingScript() {
    }
}
