package dev.amldebug.cli;

import dev.amldebug.azure.AzureMlClient;
import dev.amldebug.server.azure.AzureAccess;
import picocli.CommandLine.Command;

/** The Azure sign-in alone, for the commands that name no workspace (login, the workspaces list). */
@Command // a mixin without options of its own: picocli needs to be told it is one
final class AzureAccount {
    private final CliContext context;

    AzureAccount(CliContext context) {
        this.context = context;
    }

    AzureAccess access() {
        return context.azure();
    }

    AzureMlClient client() {
        return context.azure().client();
    }
}
