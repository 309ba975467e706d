package dev.amldebug.cli.output;

/** What {@code -o} takes: a table for people (the default), JSON or tab-separated values for programs. */
public enum OutputFormat {
    table, json, tsv
}
