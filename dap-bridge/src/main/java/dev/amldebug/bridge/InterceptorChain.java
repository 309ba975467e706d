package dev.amldebug.bridge;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.intercept.AttachDefaults;
import dev.amldebug.bridge.intercept.BreakpointsOutsideMappings;
import dev.amldebug.bridge.intercept.Disconnect;
import dev.amldebug.bridge.intercept.EndedDebuggee;
import dev.amldebug.bridge.intercept.ExitCode;
import dev.amldebug.bridge.intercept.InitializeBeforeTarget;
import dev.amldebug.bridge.intercept.Interceptor;
import dev.amldebug.bridge.intercept.LaunchAsAttach;
import dev.amldebug.bridge.intercept.OwnKeysRemover;
import dev.amldebug.bridge.intercept.SessionContext;
import dev.amldebug.bridge.intercept.SubprocessEndpoint;
import dev.amldebug.bridge.intercept.Verdict;
import dev.amldebug.bridge.protocol.DapMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A session's interceptors, ordered from the client's side to debugpy's and fixed for the
 * session's life. Client messages pass them in order, debugpy's in reverse; a verdict other
 * than forward stops a message where it is.
 */
final class InterceptorChain {
    private final List<Interceptor> towardsDebuggee;
    private final List<Interceptor> towardsClient;

    InterceptorChain(List<Interceptor> interceptors) {
        this.towardsDebuggee = List.copyOf(interceptors);
        List<Interceptor> reversed = new ArrayList<>(interceptors);
        Collections.reverse(reversed);
        this.towardsClient = List.copyOf(reversed);
    }

    /** Every session's chain; each session gets its own, as some interceptors keep per-session state. */
    static InterceptorChain standard() {
        return new InterceptorChain(List.of(
                new Disconnect(),
                new EndedDebuggee(),
                new InitializeBeforeTarget(DebugpyCapabilities.load()),
                new ExitCode(),
                new SubprocessEndpoint(),
                new OwnKeysRemover(),
                new LaunchAsAttach(),
                new AttachDefaults(),
                new BreakpointsOutsideMappings()));
    }

    Verdict fromClient(DapMessage message, SessionContext session) {
        return pass(towardsDebuggee, message, (interceptor, m) -> interceptor.fromClient(m, session));
    }

    DapMessage toDebuggee(DapMessage message, BridgeTarget target) {
        DapMessage out = message;
        for (Interceptor interceptor : towardsDebuggee) {
            out = interceptor.toDebuggee(out, target);
        }
        return out;
    }

    Verdict fromDebuggee(DapMessage message, SessionContext session) {
        return pass(towardsClient, message, (interceptor, m) -> interceptor.fromDebuggee(m, session));
    }

    /** Each interceptor in turn, until one does not forward. */
    private static Verdict pass(List<Interceptor> interceptors, DapMessage message,
                                BiFunction<Interceptor, DapMessage, Verdict> step) {
        Verdict verdict = Verdict.forward(message);
        for (Interceptor interceptor : interceptors) {
            if (!(verdict instanceof Verdict.Forward forward)) {
                return verdict;
            }
            verdict = step.apply(interceptor, forward.message());
        }
        return verdict;
    }

    void debuggeeGone(SessionContext session) {
        towardsClient.forEach(interceptor -> interceptor.debuggeeGone(session));
    }
}
