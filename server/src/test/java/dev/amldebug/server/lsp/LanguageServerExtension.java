package dev.amldebug.server.lsp;

import dev.amldebug.azurefake.FakeAzureMlExtension;
import dev.amldebug.server.testing.TempFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The language server in this process for each test, on a workspace folder of the test's own, closed after it:
 * {@code @RegisterExtension final LanguageServerExtension lsp = LanguageServerExtension.local();}, or
 * {@code .signedInTo(AZURE)} with the class's {@link FakeAzureMlExtension}.
 */
final class LanguageServerExtension implements BeforeEachCallback, AfterEachCallback {
    private final FakeAzureMlExtension azure;
    private Path workspace;
    private LspSession session;

    private LanguageServerExtension(FakeAzureMlExtension azure) {
        this.azure = azure;
    }

    /** A session with this process's environment, started at the test's first {@link #session()}: after the files it writes first. */
    static LanguageServerExtension local() {
        return new LanguageServerExtension(null);
    }

    /** A session signed in to {@code azure}'s fake through the stand-in az, started before each test. */
    static LanguageServerExtension signedInTo(FakeAzureMlExtension azure) {
        return new LanguageServerExtension(azure);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        workspace = TempFolder.create(context, "aml-debug-lsp-workspace");
        session = azure == null ? null : LspSession.signedInTo(azure.fake(), workspace);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    Path workspace() {
        return workspace;
    }

    /** The session, initialized on {@link #workspace()}. */
    LspSession session() {
        if (session == null) {
            try {
                session = new LspSession();
                session.initialize(workspace);
            } catch (Exception e) {
                throw new IllegalStateException("The language server did not start on " + workspace, e);
            }
        }
        return session;
    }
}
