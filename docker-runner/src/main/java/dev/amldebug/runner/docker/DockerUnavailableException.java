package dev.amldebug.runner.docker;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;

/** The Docker engine cannot be used; the message says what to do about it. */
public class DockerUnavailableException extends AmlDebugException {
    public DockerUnavailableException(String message, Throwable cause) {
        super(ErrorKind.ENVIRONMENT, message, cause);
    }
}
