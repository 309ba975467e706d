package dev.amldebug.azurefake.http;

/** Answers one route. */
@FunctionalInterface
public interface Handler {
    Response handle(Call call) throws Exception;
}
