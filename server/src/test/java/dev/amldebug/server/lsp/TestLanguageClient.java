package dev.amldebug.server.lsp;

import dev.amldebug.server.lsp.Protocol.DebugReadyParams;
import dev.amldebug.server.lsp.Protocol.RunLogParams;
import dev.amldebug.server.lsp.Protocol.RunStatusParams;
import dev.amldebug.server.lsp.Protocol.TreeChangedParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceEdit;

/** A client that records every notification and applies workspace edits to the files, as an editor would. */
final class TestLanguageClient implements AmlLanguageClient {
    final List<TreeChangedParams> treeChanges = new CopyOnWriteArrayList<>();
    final List<RunLogParams> logs = new CopyOnWriteArrayList<>();
    final List<RunStatusParams> statuses = new CopyOnWriteArrayList<>();
    final List<DebugReadyParams> debugReady = new CopyOnWriteArrayList<>();
    final List<PublishDiagnosticsParams> diagnostics = new CopyOnWriteArrayList<>();
    final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    final List<Protocol.AzureLogParams> azureLogs = new CopyOnWriteArrayList<>();
    final List<MessageParams> shown = new CopyOnWriteArrayList<>();
    final List<MessageParams> logged = new CopyOnWriteArrayList<>();

    @Override
    public void treeChanged(TreeChangedParams params) {
        treeChanges.add(params);
    }

    @Override
    public void runLog(RunLogParams params) {
        logs.add(params);
    }

    @Override
    public void azureLog(Protocol.AzureLogParams params) {
        azureLogs.add(params);
    }

    @Override
    public void runStatus(RunStatusParams params) {
        statuses.add(params);
    }

    @Override
    public void debugReady(DebugReadyParams params) {
        debugReady.add(params);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        progress.add(params);
    }

    @Override
    public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
        apply(params.getEdit());
        return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(true));
    }

    private static void apply(WorkspaceEdit edit) {
        if (edit.getChanges() != null) {
            edit.getChanges().forEach(TestLanguageClient::applyEdits);
        }
        if (edit.getDocumentChanges() != null) {
            for (var change : edit.getDocumentChanges()) {
                if (change.isRight()) {
                    if (change.getRight() instanceof org.eclipse.lsp4j.CreateFile create) {
                        write(Path.of(URI.create(create.getUri())), "");
                    }
                } else {
                    TextDocumentEdit documentEdit = change.getLeft();
                    applyEdits(documentEdit.getTextDocument().getUri(), documentEdit.getEdits());
                }
            }
        }
    }

    private static void applyEdits(String uri, List<TextEdit> edits) {
        Path file = Path.of(URI.create(uri));
        try {
            String text = Files.exists(file) ? Files.readString(file) : "";
            for (TextEdit edit : edits) {
                int start = offset(text, edit.getRange().getStart().getLine(), edit.getRange().getStart().getCharacter());
                int end = offset(text, edit.getRange().getEnd().getLine(), edit.getRange().getEnd().getCharacter());
                text = text.substring(0, start) + edit.getNewText() + text.substring(end);
            }
            write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int offset(String text, int line, int character) {
        int offset = 0;
        for (int i = 0; i < line; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + character;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        this.diagnostics.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams messageParams) {
        shown.add(messageParams);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
        logged.add(message);
    }
}
