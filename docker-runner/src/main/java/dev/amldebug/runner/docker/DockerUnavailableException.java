package dev.amldebug.runner.docker;

/** The Docker engine cannot be used; the message says what to do about it. */
public class DockerUnavailableException extends RuntimeException {
    public DockerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
