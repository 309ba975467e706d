package dev.amldebug.server.lsp;

import dev.amldebug.azure.http.Redaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * The LSP trace without secrets: a token an editor hands over (azureml.azure.signIn's {@code tokens[].token},
 * azureml.azure.tenants' {@code token}) is written as REDACTED. lsp4j writes a whole message and then flushes, so the
 * text is redacted a message at a time, on flush.
 */
final class TraceRedaction extends Writer {
    private static final Pattern TOKEN_FIELD = Pattern.compile(
            "(\"(?:token|accessToken|access_token|refresh_token|id_token)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final Writer target;
    private final StringBuilder pending = new StringBuilder();

    private TraceRedaction(Writer target) {
        this.target = target;
    }

    /** A trace writer that redacts before it writes to {@code trace}; null for null (no trace). */
    static PrintWriter wrap(PrintWriter trace) {
        return trace == null ? null : new PrintWriter(new TraceRedaction(trace), true);
    }

    static String redact(String text) {
        String fields = TOKEN_FIELD.matcher(text).replaceAll("$1REDACTED$2");
        return Redaction.redact(JWT.matcher(fields).replaceAll("REDACTED"));
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        pending.append(buffer, offset, length);
    }

    @Override
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String text = redact(pending.toString());
        pending.setLength(0);
        try {
            target.write(text);
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        target.close();
    }
}
