package dev.amldebug.server.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.amldebug.server.launch.LaunchConfigurations;
import dev.amldebug.server.launch.LaunchJsonEditor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** azureml.addLaunchConfiguration as a WorkspaceEdit on .vscode/launch.json (created when absent). */
final class LaunchJsonEdits {
    private LaunchJsonEdits() {
    }

    /** Asks the editor to add the configuration; {@code {uri, applied}}. */
    static Map<String, Object> apply(Path workspace, LaunchConfigurations.Request request, EditorClient editor)
            throws Exception {
        boolean applied = editor.applyEdit(edit(workspace, request), "Add Azure ML launch configuration");
        return Map.of("uri", workspace.resolve(".vscode/launch.json").toUri().toString(), "applied", applied);
    }

    static WorkspaceEdit edit(Path workspace, LaunchConfigurations.Request request) {
        ObjectNode configuration = LaunchConfigurations.of(request);
        Path file = workspace.resolve(".vscode").resolve("launch.json");
        String uri = file.toUri().toString();
        if (!Files.exists(file)) {
            TextEdit whole = new TextEdit(new Range(new Position(0, 0), new Position(0, 0)),
                    LaunchJsonEditor.newFile(configuration));
            List<Either<TextDocumentEdit, ResourceOperation>> changes = List.of(Either.forRight(new CreateFile(uri)),
                    Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null), List.of(whole))));
            return new WorkspaceEdit(changes);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        LaunchJsonEditor.Insertion insertion = new LaunchJsonEditor().insert(text, configuration);
        Position at = position(text, insertion.offset());
        return new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(new Range(at, at), insertion.text()))));
    }

    static Position position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }
}
