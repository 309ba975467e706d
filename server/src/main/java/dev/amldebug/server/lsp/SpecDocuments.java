package dev.amldebug.server.lsp;

import dev.amldebug.server.documents.KeyCompletion;
import dev.amldebug.server.documents.SpecCheck;
import dev.amldebug.server.documents.SpecProblem;
import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The YAML and .runconfig documents the editor has open (full sync), checked as the user types: {@link #DEBOUNCE_MILLIS}
 * after the last change, the problems the readers find ({@link SpecCheck}) go to the client as diagnostics with their
 * ranges, errors and warnings; none clears them; closing the document clears them too. A mistyped key gets a quick fix;
 * a key being typed, at any level its reader knows, completion.
 */
final class SpecDocuments implements TextDocumentService {
    /** Short: with full sync, VS Code's client already sends a document 250 ms after the last keystroke. */
    static final long DEBOUNCE_MILLIS = 100;
    private static final String SOURCE = "aml-debug";
    /** In a diagnostic's data: the key a mistyped one most likely meant, for the quick fix. */
    private static final String REPLACEMENT = "replacement";

    private final Supplier<? extends LanguageClient> client;
    private final ScheduledExecutorService scheduler;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    SpecDocuments(Supplier<? extends LanguageClient> client, ScheduledExecutorService scheduler) {
        this.client = client;
        this.scheduler = scheduler;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        schedule(params.getTextDocument().getUri(), params.getTextDocument().getText());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        var changes = params.getContentChanges();
        if (!changes.isEmpty()) {
            schedule(params.getTextDocument().getUri(), changes.get(changes.size() - 1).getText());
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        Optional.ofNullable(pending.remove(uri)).ifPresent(check -> check.cancel(false));
        texts.remove(uri);
        client.get().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
    }

    /** Where a key is being typed, the keys its mapping takes and does not have yet. */
    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String uri = params.getTextDocument().getUri();
        Path file = file(uri);
        String text = texts.getOrDefault(uri, "");
        List<String> keys = file == null ? List.of()
                : KeyCompletion.at(file, text, params.getPosition().getLine(), params.getPosition().getCharacter());
        List<CompletionItem> items = keys.stream().map(key -> {
                    CompletionItem item = new CompletionItem(key);
                    item.setKind(CompletionItemKind.Property);
                    item.setInsertText(key + ": ");
                    return item;
                }).toList();
        return CompletableFuture.completedFuture(Either.forLeft(items));
    }

    /** For a mistyped key: "Change to 'command'", which replaces it. */
    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        for (Diagnostic diagnostic : params.getContext().getDiagnostics()) {
            replacement(diagnostic).ifPresent(key -> {
                CodeAction action = new CodeAction("Change to '" + key + "'");
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(diagnostic));
                action.setIsPreferred(true);
                action.setEdit(new WorkspaceEdit(Map.of(params.getTextDocument().getUri(),
                        List.of(new TextEdit(diagnostic.getRange(), key)))));
                actions.add(Either.forRight(action));
            });
        }
        return CompletableFuture.completedFuture(actions);
    }

    /** The data comes back from the client as JSON. */
    private static Optional<String> replacement(Diagnostic diagnostic) {
        if (!SOURCE.equals(diagnostic.getSource())) {
            return Optional.empty();
        }
        Object data = diagnostic.getData();
        if (data instanceof JsonObject json && json.has(REPLACEMENT)) {
            return Optional.of(json.get(REPLACEMENT).getAsString());
        }
        if (data instanceof Map<?, ?> map && map.get(REPLACEMENT) instanceof String key) {
            return Optional.of(key);
        }
        return Optional.empty();
    }

    private void schedule(String uri, String text) {
        Path file = file(uri);
        if (file == null) {
            return;
        }
        texts.put(uri, text);
        pending.compute(uri, (key, earlier) -> {
            if (earlier != null) {
                earlier.cancel(false);
            }
            return scheduler.schedule(() -> publish(uri, file, text), DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    private void publish(String uri, Path file, String text) {
        List<Diagnostic> diagnostics = SpecCheck.check(file, text).stream().map(problem -> diagnostic(problem, text)).toList();
        client.get().publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
    }

    /**
     * Over the problem's length, else from its place to the end of its word (a key, a value), or the whole first line
     * when it has no place.
     */
    private static Diagnostic diagnostic(SpecProblem problem, String text) {
        int line = Math.max(0, problem.line() - 1);
        int column = Math.max(0, problem.column() - 1);
        String[] lines = text.split("\r?\n", -1);
        String content = line < lines.length ? lines[line] : "";
        int end = column + problem.length();
        while (problem.length() == 0 && end < content.length() && !Character.isWhitespace(content.charAt(end))
                && content.charAt(end) != ':') {
            end++;
        }
        if (problem.line() == 0) {
            end = content.length();
        }
        Diagnostic diagnostic = new Diagnostic(new Range(new Position(line, column), new Position(line, Math.max(end, column + 1))),
                problem.message(), problem.warning() ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, SOURCE);
        problem.replacement().ifPresent(key -> diagnostic.setData(Map.of(REPLACEMENT, key)));
        return diagnostic;
    }

    /** Only files ending in .yml, .yaml or .runconfig on disk: relative paths in them start from their folder. */
    private static Path file(String uri) {
        try {
            URI parsed = URI.create(uri);
            if (!"file".equals(parsed.getScheme())) {
                return null;
            }
            Path path = Path.of(parsed);
            String name = path.getFileName().toString().toLowerCase();
            return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".runconfig") ? path : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
