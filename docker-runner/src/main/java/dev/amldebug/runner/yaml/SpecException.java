package dev.amldebug.runner.yaml;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.nio.file.Path;

/** A run specification that cannot be used, with the place in the file that is wrong. */
public class SpecException extends AmlDebugException {
    private final Path file;
    private final int line;
    private final int column;

    public SpecException(Path file, int line, int column, String message) {
        super(ErrorKind.BAD_INPUT, message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** An error about a file as a whole, such as a missing file. */
    public SpecException(Path file, String message) {
        this(file, 0, 0, message);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without where (an editor shows where itself). */
    public String reason() {
        return super.getMessage();
    }

    /** "job.yml:12:3: unknown key 'comand'; expected one of ..." in the style compilers use. */
    @Override
    public String getMessage() {
        String where = line > 0 ? file + ":" + line + ":" + column : String.valueOf(file);
        return where + ": " + super.getMessage();
    }
}
