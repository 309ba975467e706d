package dev.amldebug.bridge.console;

import java.io.PrintStream;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/** Prints a frame's local variables, each on one line. */
final class Locals {
    private static final int MAX_VALUE = 160;

    private final IDebugProtocolServer server;
    private final PrintStream out;

    Locals(IDebugProtocolServer server, PrintStream out) {
        this.server = server;
        this.out = out;
    }

    void print(StackFrame frame) throws Exception {
        ScopesArguments scopes = new ScopesArguments();
        scopes.setFrameId(frame.getId());
        var found = AdapterAnswer.await(server.scopes(scopes)).getScopes();
        if (found == null || found.length == 0) {
            return;
        }
        VariablesArguments variables = new VariablesArguments();
        variables.setVariablesReference(found[0].getVariablesReference());
        for (Variable variable : AdapterAnswer.await(server.variables(variables)).getVariables()) {
            // debugpy groups dunder names under "special variables" and the like.
            if (!variable.getName().endsWith(" variables")) {
                out.println("  " + variable.getName() + " = " + oneLine(variable.getValue()));
            }
        }
        out.flush();
    }

    /** A value on one line, cut at a readable length: arrays and frames can print thousands of lines. */
    static String oneLine(String value) {
        String flat = value == null ? "" : value.replaceAll("\\s*\\n\\s*", " ");
        return flat.length() > MAX_VALUE ? flat.substring(0, MAX_VALUE - 3) + "..." : flat;
    }
}
