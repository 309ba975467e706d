package dev.amldebug.azure;

import dev.amldebug.errors.AmlDebugException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which of a job's log files to read: the one its type writes its story to, a named one, a rank's, or all. */
final class LogChoice {
    /** A job's own log by its type, as the SDK's jobs.stream picks it: a command job's v2 log, rank 0's, or v1's. */
    static final List<String> COMMAND_LOGS = List.of(
            "user_logs/std_log.txt", "user_logs/std_log_process_0.txt", "azureml-logs/70_driver_log.txt");
    private static final Map<String, List<String>> LOGS_BY_TYPE = Map.of(
            "pipeline", List.of("logs/azureml/executionlogs.txt"),
            "sweep", List.of("azureml-logs/hyperdrive.txt"));

    private LogChoice() {
    }

    /** A job type's own logs; a step (a command) or a job ARM does not describe: a command's. */
    static List<String> defaults(String jobType) {
        return jobType == null ? COMMAND_LOGS : LOGS_BY_TYPE.getOrDefault(jobType.toLowerCase(Locale.ROOT), COMMAND_LOGS);
    }

    static List<LogFile> select(String jobName, List<LogFile> files, LogSelection which, List<String> defaults,
                                 boolean mustExist) {
        if (which.all()) {
            return files;
        }
        List<String> wanted = new ArrayList<>();
        if (which.file() != null) {
            wanted.add(which.file());
        } else if (which.rank() != null) {
            wanted.add("user_logs/std_log_process_" + which.rank() + ".txt");
        } else {
            wanted.addAll(defaults);
        }
        for (String name : wanted) {
            for (LogFile file : files) {
                if (file.name().equals(name)) {
                    return List.of(file);
                }
            }
        }
        if (mustExist && (which.file() != null || which.rank() != null)) {
            throw AmlDebugException.notFound("Job " + jobName + " has no log " + wanted.get(0) + ": its logs are "
                    + (files.isEmpty() ? "none yet" : String.join(", ", files.stream().map(LogFile::name).toList()))
                    + " (choose one with --file, or use --all).");
        }
        return List.of();
    }

    static String source(LogFile file, LogSelection which) {
        if (which.all()) {
            Matcher rank = Pattern.compile("std_log_process_(\\d+)\\.txt$").matcher(file.name());
            if (rank.find()) {
                return "rank " + rank.group(1);
            }
        }
        return file.name();
    }
}
