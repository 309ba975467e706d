package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.azurefake.FakeAzureMl;
import dev.amldebug.azurefake.FakeAzureMlExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `aml-debug azure login` on a headless machine (no keyring, as here and in every container): the device code flow
 * against the fake's Entra endpoints, tokens kept in a 0600 file, and a later command signed in by it alone.
 */
class AzureLoginIT {
    @RegisterExtension
    static final FakeAzureMlExtension AZURE = new FakeAzureMlExtension();

    @TempDir
    Path folder;
    @TempDir
    Path bin;

    @Test
    void aDeviceCodeSignInOnAHeadlessMachineIsKeptInAPrivateFileAndSignsInLaterCommands() throws Exception {
        // No `az` sign-in here: only `aml-debug azure login` can make the later command work.
        FakeAzureMl fake = AZURE.fake();
        Path home = folder.resolve("home");
        Map<String, String> env = new java.util.HashMap<>(FakeSignIn.withOwnAz(fake, bin, home,
                "echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1"));
        env.put("AZURE_AUTHORITY_HOST", fake.armEndpoint());

        JarProcess login = JarProcess.start(env, "azure", "login");
        assertThat(login.waitFor(120)).as(login.output()).isZero();

        Path cache = home.resolve(".aml-debug/msal-token-cache.json");
        assertThat(login.output()).contains("https://microsoft.com/devicelogin and enter the code FAKE")
                .contains("The sign-in is kept in " + cache + " (readable only by you: no system keyring is available here).")
                .contains("Signed in as dev@contoso.example.").doesNotContain("Shared token cache").doesNotContain("\tat ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rw-------");
        Path record = home.resolve(".aml-debug/azure-auth-record.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record))).isEqualTo("rw-------");
        assertThat(Files.readString(record)).contains("dev@contoso.example").doesNotContain(fake.token());

        JarProcess workspaces = JarProcess.start(env, "azure", "workspaces");
        assertThat(workspaces.waitFor(120)).as(workspaces.output()).isZero();
        assertThat(workspaces.output()).contains(fake.workspace().name);
    }
}
