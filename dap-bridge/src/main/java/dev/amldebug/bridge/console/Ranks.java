package dev.amldebug.bridge.console;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The console's ranks, in rank order. */
final class Ranks {
    private final List<Rank> ranks = new CopyOnWriteArrayList<>();

    void add(Rank rank) {
        ranks.add(rank);
    }

    List<Rank> all() {
        return ranks.stream().sorted(Comparator.comparingInt(Rank::order)).toList();
    }

    boolean allEnded() {
        return ranks.stream().allMatch(rank -> rank.state() == Rank.State.ENDED);
    }

    Optional<Rank> byNumber(int number) {
        return ranks.stream().filter(rank -> rank.debuggee.rank() != null && rank.debuggee.rank() == number).findFirst();
    }

    Optional<Rank> firstStopped() {
        return all().stream().filter(rank -> rank.state() == Rank.State.STOPPED).findFirst();
    }
}
