package dev.amldebug.server.tree.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.spec.ExperimentNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The experiments of a local workspace: those created by name, and those that runs name. */
public final class Experiments {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final RunStore store;

    public Experiments(RunStore store) {
        this.file = store.workspace().resolve(".azureml").resolve("experiments.json");
        this.store = store;
    }

    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(created());
        store.list().stream().filter(run -> run.kind != RunKind.deployment).forEach(run -> names.add(run.experiment));
        return new ArrayList<>(names);
    }

    /** @return false when it existed already */
    public synchronized boolean create(String name) {
        ExperimentNames.check(name);
        List<String> created = created();
        if (names().contains(name)) {
            return false;
        }
        created.add(name);
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return true;
    }

    /** The experiment's runs, newest first; a pipeline's steps are under their pipeline, not here. */
    public List<RunRecord> runs(String experiment) {
        return store.list().stream().filter(run -> run.kind != RunKind.deployment && !run.step().isStep()
                && experiment.equals(run.experiment)).toList();
    }

    private List<String> created() {
        if (!Files.isRegularFile(file)) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(List.of(JSON.readValue(file.toFile(), String[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
