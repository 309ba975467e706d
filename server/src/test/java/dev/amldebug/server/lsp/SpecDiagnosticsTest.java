package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Job YAML as the user types it, over real LSP: the parsers' problem as a diagnostic with its range and a quick fix, gone
 * once fixed; the keys completed.
 */
class SpecDiagnosticsTest {
    private static final String JOB = """
            $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
            code: src
            comand: python train.py
            environment:
              image: python:3.11-slim
            """;

    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.local();

    private String uri;

    @BeforeEach
    void open() throws Exception {
        Path job = lsp.workspace().resolve("job.yml");
        Files.writeString(job, JOB);
        uri = job.toUri().toString();
    }

    private PublishDiagnosticsParams latest() {
        List<PublishDiagnosticsParams> published = lsp.session().client.diagnostics.stream()
                .filter(d -> d.getUri().equals(uri)).toList();
        return published.isEmpty() ? null : published.get(published.size() - 1);
    }

    @Test
    void aMistypedKeyIsADiagnosticOnItsLineWithAQuickFixAndGoesWhenFixed() throws Exception {
        lsp.session().server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "yaml", 1, JOB)));

        await().atMost(Duration.ofSeconds(10)).until(() -> latest() != null && !latest().getDiagnostics().isEmpty());
        Diagnostic diagnostic = latest().getDiagnostics().get(0);
        assertThat(diagnostic.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
        assertThat(diagnostic.getRange().getStart().getLine()).isEqualTo(2);
        assertThat(diagnostic.getRange().getStart().getCharacter()).isZero();
        assertThat(diagnostic.getRange().getEnd().getCharacter()).isEqualTo("comand".length());
        assertThat(diagnostic.getMessage()).contains("comand").doesNotContain("job.yml:");

        List<Either<Command, CodeAction>> actions = lsp.session().server.getTextDocumentService().codeAction(
                new CodeActionParams(new TextDocumentIdentifier(uri), diagnostic.getRange(),
                        new CodeActionContext(List.of(diagnostic)))).get(10, TimeUnit.SECONDS);
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.getRight().getTitle()).isEqualTo("Change to 'command'");
            assertThat(action.getRight().getKind()).isEqualTo(CodeActionKind.QuickFix);
            TextEdit edit = action.getRight().getEdit().getChanges().get(uri).get(0);
            assertThat(edit.getNewText()).isEqualTo("command");
            assertThat(edit.getRange()).isEqualTo(diagnostic.getRange());
        });

        lsp.session().server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent(JOB.replace("comand:", "command:")))));
        await().atMost(Duration.ofSeconds(10)).until(() -> latest().getDiagnostics().isEmpty());
    }

    @Test
    void brokenYamlIsADiagnosticAndClosingTheDocumentClearsIt() {
        lsp.session().server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "yaml", 1, "code: src\ncommand: [python\n")));
        await().atMost(Duration.ofSeconds(10)).until(() -> latest() != null && !latest().getDiagnostics().isEmpty());
        assertThat(latest().getDiagnostics().get(0).getMessage()).contains("invalid YAML");

        lsp.session().server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        await().atMost(Duration.ofSeconds(10)).until(() -> latest().getDiagnostics().isEmpty());
    }

    @Test
    void aTopLevelKeyBeingTypedIsCompletedFromTheJobsKeys() throws Exception {
        String typing = "code: src\ncommand: python train.py\nenv";
        lsp.session().server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "yaml", 1, typing)));
        var completion = lsp.session().server.getTextDocumentService().completion(
                new CompletionParams(new TextDocumentIdentifier(uri), new Position(2, 3))).get(10, TimeUnit.SECONDS);
        assertThat(completion.getLeft()).extracting(CompletionItem::getLabel).containsExactly("environment", "environment_variables");
        assertThat(completion.getLeft().get(0).getInsertText()).isEqualTo("environment: ");
    }
}
