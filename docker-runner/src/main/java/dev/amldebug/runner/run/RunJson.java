package dev.amldebug.runner.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * A {@link RunRecord} as the file run.json: read whole, checked, and replaced atomically so that a reader never sees
 * half a record. The format itself is {@link RunRecord}'s.
 */
final class RunJson {
    static final String FILE = "run.json";

    /** Thread-safe once configured; shared, so that its costly first use happens once per process. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {
    }

    /** Prepares reading and writing run records ahead of need (see {@link RunStore#warmUp()}). */
    static void warmUp() {
        try {
            RunRecord record = new RunRecord();
            record.id = "warm-up";
            record.status = RunStatus.Queued;
            record.createdAt = Instant.now();
            JSON.readValue(JSON.writeValueAsBytes(record), RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the run record format cannot round-trip", e);
        }
    }

    /**
     * The record in {@code runDir}, which must be run {@code id}'s.
     *
     * @throws IOException when it cannot be read, or is no record of that run
     */
    static RunRecord read(Path runDir, String id) throws IOException {
        RunRecord record = JSON.readValue(runDir.resolve(FILE).toFile(), RunRecord.class);
        if (record == null || record.id == null || record.status == null) {
            throw new IOException("it has no id or status");
        }
        if (!record.id.equals(id)) {
            // A record must never point outside its own folder: pruning deletes by id.
            throw new IOException("its id is not its folder's name");
        }
        return record;
    }

    /** Replaces run.json in {@code runDir} with {@code record}; on failure run.json is left as it was. */
    static void write(Path runDir, RunRecord record) throws IOException {
        Path temp = runDir.resolve(".run.json.tmp");
        try {
            JSON.writeValue(temp.toFile(), record);
            Files.move(temp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The half-written copy stays; run.json itself is untouched.
            }
            throw e;
        }
    }
}
