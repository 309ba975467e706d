package dev.amldebug.bridge.console;

import dev.amldebug.bridge.hub.DebugHub;
import dev.amldebug.errors.AmlDebugException;
import java.io.PrintStream;

/**
 * The prompt of the console for many ranks. It acts on the current rank (the first to stop, or
 * the one chosen with {@code rank N}); {@code ranks} lists them all, {@code c all} continues
 * every stopped one and {@code p all EXPR} compares an expression across the stopped ones ({@link RankValues}).
 * When the current rank runs on, the next stopped rank becomes current. With the hub's
 * stop-the-world, {@code c} continues every rank, as continuing a rank in the editor does.
 */
final class RankCommands {
    static final String HELP = "commands: c(ontinue), c all, n(ext), s(tep in), finish, bt, p EXPR, p all EXPR,"
            + " b FILE:LINE, ranks, rank N, q(uit), help";

    private final Ranks ranks;
    private final ConsoleOptions options;
    private final DebugHub hub;
    private final PrintStream out;
    private Rank current;
    /** The current rank is one that stop-the-world paused: the next rank to stop by itself takes its place. */
    private boolean currentByWorld;
    private boolean inputEnded;
    private boolean prompting;

    RankCommands(Ranks ranks, ConsoleOptions options, DebugHub hub) {
        this.ranks = ranks;
        this.options = options;
        this.hub = hub;
        this.out = options.out();
    }

    /**
     * A rank stopped (its line is printed): it becomes current unless the current one is stopped too. A rank that
     * stop-the-world paused ({@code byWorld}) gives way to the one that stopped by itself, whose line may come after.
     */
    void stopped(Rank rank, boolean byWorld) throws Exception {
        if (!options.interactive() || inputEnded) {
            rank.session.printLocals(rank.top());
            rank.resume("c");
        } else if (byWorld) {
            if (current == null || current.state() != Rank.State.STOPPED) {
                current = rank;
                currentByWorld = true;
            }
            prompt();
        } else if (current == null || current.state() != Rank.State.STOPPED || currentByWorld) {
            show(rank);
        } else {
            prompt();
        }
    }

    /** The current rank ran on or ended: the next stopped one, if any, is current. */
    void currentMayHaveMoved() throws Exception {
        if (current == null || current.state() != Rank.State.STOPPED) {
            var next = ranks.firstStopped();
            if (next.isPresent()) {
                show(next.get());
            }
        }
    }

    void inputEnded() throws Exception {
        inputEnded = true;
        AcrossRanks.continueAll(ranks.all(), current, hub.stopsAllRanks(), out);
    }

    /** A line of the console's own while the prompt waits goes on a line of its own. */
    void newLineAfterPrompt() {
        if (prompting) {
            out.println();
            prompting = false;
        }
    }

    /** @return false when the user quit */
    boolean execute(String line) throws Exception {
        prompting = false;
        String command = line.trim();
        String word = command.split("\\s+", 2)[0];
        String rest = command.length() > word.length() ? command.substring(word.length()).trim() : "";
        switch (word) {
            case "c", "continue" -> {
                if (rest.equals("all") || hub.stopsAllRanks()) {
                    AcrossRanks.continueAll(ranks.all(), current, hub.stopsAllRanks(), out);
                } else {
                    resumeCurrent("c");
                }
                return true;
            }
            case "n", "next", "s", "step", "finish" -> {
                resumeCurrent(word.startsWith("f") ? "finish" : word.substring(0, 1));
                return true;
            }
            case "bt", "where" -> whenStopped(() -> Prompt.backtrace(current.session, current.thread(), options));
            case "p", "print" -> {
                if (rest.split("\\s+", 2)[0].equals("all")) {
                    AcrossRanks.evaluate(ranks.all(), rest.substring(3).trim(), out);
                } else {
                    whenStopped(() -> out.println(current.session.evaluate(rest, current.top().getId())));
                }
            }
            case "locals" -> whenStopped(() -> current.session.printLocals(current.top()));
            case "b", "break" -> AcrossRanks.breakAt(ranks.all(), rest, options);
            case "ranks" -> RankTable.print(ranks.all(), current, options, hub.rankStatuses());
            case "rank" -> {
                switchTo(rest);
                return true;
            }
            case "q", "quit" -> {
                out.println("Ending the debuggees.");
                ranks.all().forEach(rank -> rank.session.detach(true));
                return false;
            }
            case "" -> { }
            default -> out.println(HELP);
        }
        prompt();
        return true;
    }

    private interface Action {
        void run() throws Exception;
    }

    private void whenStopped(Action action) throws Exception {
        if (current == null || current.state() != Rank.State.STOPPED) {
            out.println((current == null ? "No rank" : current.label()) + " is stopped here: 'ranks' shows which"
                    + " are, 'rank N' switches.");
            return;
        }
        try {
            action.run();
        } catch (AmlDebugException e) {
            out.println("aml-debug: " + e.getMessage());
        }
    }

    private void resumeCurrent(String how) throws Exception {
        whenStopped(() -> current.resume(how));
        currentMayHaveMoved();
    }

    private void switchTo(String number) throws Exception {
        try {
            var rank = ranks.byNumber(Integer.parseInt(number));
            if (rank.isEmpty()) {
                out.println("There is no rank " + number + ": 'ranks' lists them.");
            } else if (rank.get().state() == Rank.State.STOPPED) {
                show(rank.get());
            } else {
                current = rank.get();
                out.println(current.label() + " is " + current.where(options.codeDir()));
            }
        } catch (NumberFormatException e) {
            out.println("'rank' takes a rank number, for example: rank 3");
        }
    }

    private void show(Rank rank) throws Exception {
        current = rank;
        currentByWorld = false;
        rank.session.printLocals(rank.top());
        prompt();
    }

    private void prompt() {
        if (current != null && current.state() == Rank.State.STOPPED) {
            out.print("(aml-debug " + current.label() + ") " + Location.of(current.top(), options.codeDir()) + " > ");
            out.flush();
            prompting = true;
        }
    }
}
