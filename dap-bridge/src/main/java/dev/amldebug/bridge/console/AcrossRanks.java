package dev.amldebug.bridge.console;

import dev.amldebug.errors.AmlDebugException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.EvaluateResponse;

/** The console's commands that act on every rank at once: {@code c all}, {@code p all EXPR}, {@code b FILE:LINE}. */
final class AcrossRanks {
    private AcrossRanks() {
    }

    /**
     * Continues every stopped rank. With stop-the-world one continue is sent (to {@code current} when it is stopped):
     * the ranks' debug shims continue the others, whose sessions then say so; a continue sent to a debugpy that runs
     * already would never be answered.
     */
    static void continueAll(List<Rank> all, Rank current, boolean stopAll, PrintStream out) throws Exception {
        List<Rank> stopped = all.stream().filter(rank -> rank.state() == Rank.State.STOPPED).toList();
        if (stopAll && !stopped.isEmpty()) {
            (stopped.contains(current) ? current : stopped.get(0)).resume("c");
        } else {
            for (Rank rank : stopped) {
                rank.resume("c");
            }
        }
        out.println("continued " + stopped.size() + (stopped.size() == 1 ? " rank" : " ranks")
                + (stopAll && !stopped.isEmpty() ? " (stop-the-world)" : ""));
    }

    /** {@code p all EXPR}: the expression in the top frame of every stopped rank, asked of them all at once. */
    static void evaluate(List<Rank> all, String expression, PrintStream out) throws Exception {
        if (expression.isEmpty()) {
            out.println("'p all' takes an expression, for example: p all loss");
            return;
        }
        List<Rank> live = all.stream().filter(rank -> rank.state() != Rank.State.ENDED).toList();
        Map<Rank, CompletableFuture<EvaluateResponse>> asked = new LinkedHashMap<>();
        for (Rank rank : live) {
            if (rank.state() == Rank.State.STOPPED) {
                asked.put(rank, rank.session.evaluation(RankValues.fingerprint(expression), rank.top().getId()));
            }
        }
        if (asked.isEmpty()) {
            out.println("No rank is stopped: 'p all' evaluates in the ranks that are.");
            return;
        }
        List<RankValues.Row> rows = new ArrayList<>();
        for (Rank rank : live) {
            String value = asked.containsKey(rank) ? RankValues.oneLine(Session.result(asked.get(rank))) : null;
            rows.add(new RankValues.Row(rank.label(), RankTable.orDash(rank.debuggee.rank()),
                    RankTable.orDash(rank.debuggee.node()), value));
        }
        new RankValues(rows).print(out);
    }

    /** {@code b FILE:LINE}: the breakpoint in every rank that has not ended. */
    static void breakAt(List<Rank> all, String text, ConsoleOptions options) throws Exception {
        try {
            Location location = Location.parse(text, options.codeDir());
            for (Rank rank : all) {
                if (rank.state() != Rank.State.ENDED) {
                    rank.session.addBreakpoint(location);
                }
            }
            options.out().println("breakpoint at " + Location.relative(location.file().toString(), options.codeDir())
                    + ":" + location.line() + " in every rank");
        } catch (AmlDebugException e) {
            options.out().println(e.getMessage());
        }
    }
}
