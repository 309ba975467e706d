package dev.amldebug.cli;

import dev.amldebug.azure.credentials.AzureCredentials;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in with a device code: open the URL it prints and enter the code; later commands use that "
                        + "sign-in.",
                "Not needed after `az login` or with AZURE_* service principal variables."},
        footer = {"",
                "Examples:",
                "  # Sign in",
                "  aml-debug azure login",
                "  # Then check who you are",
                "  aml-debug azure status"})
final class AzureLoginCommand implements Callable<Integer> {
    @Mixin
    AzureAccount azure;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        String account = AzureCredentials.deviceCodeLogin(azure.access().environment(), message -> {
            out.println(message);
            out.flush();
        });
        azure.access().forget();
        out.println("Signed in as " + account + ".");
        return 0;
    }
}
