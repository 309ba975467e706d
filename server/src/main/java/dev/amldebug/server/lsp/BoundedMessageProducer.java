package dev.amldebug.server.lsp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;

/**
 * lsp4j's reader, kept in step with the stream whatever a message holds: each body is read
 * whole (exactly Content-Length bytes) before it is parsed, a body over {@link #MAX_BODY} is
 * skipped without being kept, and a request that cannot be parsed (bad JSON, nesting past the
 * parser's limit) gets an error answer. The server then goes on serving.
 */
final class BoundedMessageProducer extends StreamMessageProducer {
    /** As the DAP side: far above any real message, far below what would hurt the process. */
    static final int MAX_BODY = 64 * 1024 * 1024;

    private final MessageIssueHandler issues;
    private volatile byte[] body;

    BoundedMessageProducer(InputStream input, MessageJsonHandler jsonHandler, MessageIssueHandler issues) {
        super(input, jsonHandler, issues);
        this.issues = issues;
    }

    @Override
    protected boolean handleMessage(InputStream input, Headers headers) throws IOException {
        if (headers.contentLength > MAX_BODY) {
            discard(input, headers.contentLength);
            fireError(new IOException("ignored a message of " + headers.contentLength + " bytes, over the limit of "
                    + MAX_BODY));
            return true;
        }
        byte[] read = new byte[headers.contentLength];
        int got = 0;
        // A read loop, not readNBytes or skip: on a pipe (stdin), FileInputStream's seek-based shortcuts fail.
        for (int n; got < read.length && (n = input.read(read, got, read.length - got)) >= 0; ) {
            got += n;
        }
        if (got < read.length) {
            return false;
        }
        body = read;
        try {
            return super.handleMessage(new ByteArrayInputStream(read), headers);
        } finally {
            body = null;
        }
    }

    /** Reads and drops {@code length} bytes: skip() on a pipe (stdin) fails with "Illegal seek", even buffered. */
    private static void discard(InputStream input, int length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int left = length; left > 0; ) {
            int read = input.read(buffer, 0, Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("the stream ended inside a message");
            }
            left -= read;
        }
    }

    /** A body that did not parse: answered when it was a request whose id can be found. */
    @Override
    protected void fireError(Throwable error) {
        byte[] failed = body;
        Object id = failed == null ? null : TopLevelId.of(new String(failed, StandardCharsets.UTF_8));
        if (id == null) {
            super.fireError(error);
            return;
        }
        RequestMessage request = new RequestMessage();
        if (id instanceof Number number) {
            request.setId(number.intValue());
        } else {
            request.setId(id.toString());
        }
        issues.handle(request, List.of(new MessageIssue("The message could not be read as JSON-RPC (malformed, or"
                + " nested too deeply); it was ignored.", ResponseErrorCode.ParseError.getValue())));
    }
}
