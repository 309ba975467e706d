package dev.amldebug.azurefake;

import dev.amldebug.azurefake.schema.Violation;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link FakeAzureMl} for a test class (static field) or for each test (instance field), and fails a test after
 * which the fake holds schema violations: {@code @RegisterExtension static FakeAzureMlExtension azure = new FakeAzureMlExtension();}
 */
public final class FakeAzureMlExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private final FakeAzureMlOptions options;
    private FakeAzureMl fake;
    private boolean perClass;

    public FakeAzureMlExtension() {
        this(FakeAzureMlOptions.defaults());
    }

    public FakeAzureMlExtension(FakeAzureMlOptions options) {
        this.options = options;
    }

    public FakeAzureMl fake() {
        if (fake == null) {
            throw new IllegalStateException("The fake Azure ML service starts before each test; it is not running now.");
        }
        return fake;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        perClass = true;
        fake = FakeAzureMl.start(options);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (fake == null) {
            fake = FakeAzureMl.start(options);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Violation> violations = fake.violations();
        fake.clearViolations();
        if (!perClass) {
            fake.close();
            fake = null;
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("The client sent request bodies that do not match the Azure ML 2024-10-01 schema:\n  "
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (fake != null) {
            fake.close();
            fake = null;
        }
    }
}
