package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.azurefake.FakeAzureMlExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An `az` that never answers (a prompt, a stuck proxy) is given up on, and the command says how to sign in. */
class HungAzIT {
    @RegisterExtension
    static final FakeAzureMlExtension AZURE = new FakeAzureMlExtension();

    @TempDir
    Path folder;
    @TempDir
    Path bin;

    @Test
    void aHungAzIsGivenUpOnWithinItsTimeAndTheCommandSaysHowToSignIn() throws Exception {
        Map<String, String> env = FakeSignIn.withOwnAz(AZURE.fake(), bin, folder.resolve("home"), "exec sleep 600");

        JarProcess workspaces = JarProcess.start(env, "azure", "workspaces");
        int exit = workspaces.waitFor(120);

        assertThat(exit).as(workspaces.output()).isNotZero();
        assertThat(workspaces.output()).contains("You are not signed in to Azure").doesNotContain("\tat ");
    }
}
