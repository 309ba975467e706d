package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Documents other than a command job over real LSP: the example deployment with a typo (its reader's ignored keys as
 * warnings, the typo as an error with its quick fix, nested completion), a .runconfig, and a conda file left alone.
 */
class SpecKindsDiagnosticsTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @RegisterExtension
    final LanguageServerExtension lsp = LanguageServerExtension.local();

    private String copy(String example, String... files) throws IOException {
        Path folder = lsp.workspace().resolve(Path.of(example).getFileName());
        for (String file : files) {
            Files.createDirectories(folder.resolve(file).getParent());
            Files.copy(EXAMPLES.resolve(example).resolve(file), folder.resolve(file));
        }
        return folder.resolve(files[0]).toUri().toString();
    }

    private PublishDiagnosticsParams latest(String uri) {
        List<PublishDiagnosticsParams> published = lsp.session().client.diagnostics.stream()
                .filter(d -> d.getUri().equals(uri)).toList();
        return published.isEmpty() ? null : published.get(published.size() - 1);
    }

    private List<Diagnostic> open(String uri, String text) {
        lsp.session().server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "yaml", 1, text)));
        await().atMost(Duration.ofSeconds(10)).until(() -> latest(uri) != null);
        return latest(uri).getDiagnostics();
    }

    @Test
    void aDeploymentsTypoIsAnErrorWithItsQuickFixAndItsIgnoredKeysAreWarnings() throws Exception {
        String uri = copy("deployment", "deployment.yml", "score.py", "model/README.md");
        String text = Files.readString(EXAMPLES.resolve("deployment/deployment.yml"))
                .replace("  scoring_script:", "  scoring_scirpt:");
        List<Diagnostic> diagnostics = open(uri, text);

        assertThat(diagnostics).extracting(Diagnostic::getSeverity).containsExactly(DiagnosticSeverity.Error,
                DiagnosticSeverity.Warning, DiagnosticSeverity.Warning);
        Diagnostic typo = diagnostics.get(0);
        int typoLine = text.lines().toList().indexOf("  scoring_scirpt: score.py");
        assertThat(typo.getRange().getStart()).isEqualTo(new Position(typoLine, 2));
        assertThat(typo.getRange().getEnd()).isEqualTo(new Position(typoLine, 2 + "scoring_scirpt".length()));
        assertThat(diagnostics.get(1).getMessage()).isEqualTo("'instance_type' means nothing for a local deployment; ignored.");

        List<Either<Command, CodeAction>> actions = lsp.session().server.getTextDocumentService().codeAction(
                new CodeActionParams(new TextDocumentIdentifier(uri), typo.getRange(),
                        new CodeActionContext(List.of(typo)))).get(10, TimeUnit.SECONDS);
        assertThat(actions).singleElement().satisfies(action ->
                assertThat(action.getRight().getTitle()).isEqualTo("Change to 'scoring_script'"));

        String typing = text.replace("5000\n", "5000\n  max\n");
        lsp.session().server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2), List.of(new TextDocumentContentChangeEvent(typing))));
        int line = typing.lines().toList().indexOf("  max");
        var completion = lsp.session().server.getTextDocumentService().completion(
                new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, 5))).get(10, TimeUnit.SECONDS);
        assertThat(completion.getLeft()).extracting(CompletionItem::getLabel)
                .containsExactly("max_concurrent_requests_per_instance", "max_queue_wait_ms");
    }

    @Test
    void aRunConfigurationIsCheckedAndACondaFileIsLeftAlone() throws Exception {
        String runconfig = copy("digits", ".azureml/digits.runconfig", "train.py", "conda.yml");
        String text = Files.readString(EXAMPLES.resolve("digits/.azureml/digits.runconfig")).replace("script:", "scirpt:");
        assertThat(open(runconfig, text)).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.getMessage()).contains("unknown key 'scirpt' in a run configuration");
            assertThat(diagnostic.getRange().getStart().getLine()).isEqualTo(1);
        });

        String conda = lsp.workspace().resolve("digits/conda.yml").toUri().toString();
        assertThat(open(conda, "name: digits\ndependencies:\n  - python=3.11\n  - [broken\n")).isEmpty();
    }
}
