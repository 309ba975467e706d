package dev.amldebug.server.documents;

import dev.amldebug.runner.job.JobKeys;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys to offer where the user is typing a top-level key of a job document: a command job's or a pipeline job's, from
 * the same key lists the readers check, less the keys the document has already. The document may be half written, so
 * its kind is read from its lines, not from a parse.
 */
public final class KeyCompletion {
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z_$][A-Za-z0-9_$]*)\\s*:", Pattern.MULTILINE);
    private static final Pattern TYPING_A_KEY = Pattern.compile("^[A-Za-z_$]*$");

    private KeyCompletion() {
    }

    /** The keys for {@code line}, cut at {@code character} (both 0-based); none where no key is being typed. */
    public static List<String> at(String text, int line, int character) {
        String[] lines = text.split("\n", -1);
        if (line >= lines.length) {
            return List.of();
        }
        String typed = lines[line].substring(0, Math.min(character, lines[line].length()));
        if (!TYPING_A_KEY.matcher(typed).matches()) {
            return List.of();
        }
        Set<String> keys = keysOf(text);
        Set<String> present = new TreeSet<>();
        Matcher key = TOP_LEVEL_KEY.matcher(text);
        while (key.find()) {
            present.add(key.group(1));
        }
        return keys.stream().filter(k -> !present.contains(k) && k.startsWith(typed)).sorted().toList();
    }

    private static Set<String> keysOf(String text) {
        if (Pattern.compile("^type\\s*:\\s*pipeline\\s*$", Pattern.MULTILINE).matcher(text).find()
                || text.contains("pipelineJob.schema.json")) {
            return JobKeys.PIPELINE_JOB;
        }
        boolean commandJob = Pattern.compile("^type\\s*:\\s*command\\s*$", Pattern.MULTILINE).matcher(text).find()
                || text.contains("commandJob.schema.json")
                || Pattern.compile("^(command|code)\\s*:", Pattern.MULTILINE).matcher(text).find();
        return commandJob ? JobKeys.COMMAND_JOB : Set.of();
    }
}
