package dev.amldebug.runner.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the ranks of a distributed run ended, as the launcher in each node container wrote it: one
 * {@code rank_<N>.json} per process, in the run's {@code ranks/} folder. A file survives the container, so a run
 * nobody followed is judged the same way as one followed live.
 */
public final class RankExits {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param endedAt  seconds since the epoch, as the node's clock (the host's) said when the process ended
     * @param stopped  the launcher stopped it because another rank failed or the run was canceled
     * @param lastLine the last line it wrote to stderr (the last line of a traceback), or else to stdout
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Exit(int rank, int exitCode, double endedAt, boolean stopped, String lastLine) {
        public boolean failed() {
            return exitCode != 0 && !stopped;
        }
    }

    private final List<Exit> exits;

    private RankExits(List<Exit> exits) {
        this.exits = exits;
    }

    public static RankExits read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new RankExits(List.of());
        }
        List<Exit> exits = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("rank_\\d+\\.json")).toList()) {
                exits.add(JSON.readValue(file.toFile(), Exit.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read how the ranks ended from " + dir, e);
        }
        exits.sort(Comparator.comparingInt(Exit::rank));
        return new RankExits(exits);
    }

    public List<Exit> all() {
        return exits;
    }

    public Optional<Exit> of(int rank) {
        return exits.stream().filter(exit -> exit.rank() == rank).findFirst();
    }

    /** The rank that failed first: the others ended after it, or were stopped because of it. */
    public Optional<Exit> firstFailure() {
        return exits.stream().filter(Exit::failed).min(Comparator.comparingDouble(Exit::endedAt));
    }
}
