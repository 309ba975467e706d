package dev.amldebug.cli;

/** A command line that cannot be carried out as given; the message says what to give instead. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message);
    }
}
