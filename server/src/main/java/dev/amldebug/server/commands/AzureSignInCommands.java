package dev.amldebug.server.commands;

import dev.amldebug.azure.config.WorkspaceId;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.server.azure.AzureAccess;
import dev.amldebug.server.azure.TenantToken;
import dev.amldebug.server.tree.azure.AzureNodeIds;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The sign-in commands: azureml.azure.signIn (the credential chain, or the editor's tokens, one per tenant),
 * azureml.azure.signedIn, azureml.azure.tenants and azureml.azure.defaultWorkspace.
 */
final class AzureSignInCommands {
    /** token (one, for the tenant its tid claim names) or tokens (one per tenant); neither: the credential chain. */
    record SignIn(String token, String expiresOn, List<TenantToken> tokens) {
    }

    record TokenArgs(String token) {
    }

    record DefaultWorkspaceArgs(String workspaceId) {
    }

    private final AzureAccess access;
    private final EditorClient editor;
    private final Runnable signInChanged;

    AzureSignInCommands(AzureAccess access, EditorClient editor, Runnable signInChanged) {
        this.access = access;
        this.editor = editor;
        this.signInChanged = signInChanged;
    }

    CommandRegistry registerOn(CommandRegistry registry) {
        return registry.register("azureml.azure.signIn", this::signIn)
                .register("azureml.azure.signedIn", args -> signedIn())
                .register("azureml.azure.tenants", this::tenants)
                .register("azureml.azure.defaultWorkspace", this::defaultWorkspace);
    }

    /** With tokens, the editor's own Microsoft sign-in (a token per tenant); without, the credential chain (az login, ...). */
    private Object signIn(List<Object> arguments) {
        SignIn args = arguments.isEmpty() ? new SignIn(null, null, null) : Arguments.first(arguments, SignIn.class);
        if (args.tokens() != null && !args.tokens().isEmpty()) {
            access.useTokens(args.tokens());
        } else if (args.token() != null) {
            access.useToken(args.token(), args.expiresOn() == null ? OffsetDateTime.now().plusHours(1)
                    : OffsetDateTime.parse(args.expiresOn()));
        } else {
            access.forget();
        }
        String account = access.signIn();
        signInChanged.run();
        editor.treeChanged(AzureNodeIds.ROOT);
        return Map.of("account", account);
    }

    /** Whether a sign-in works now (the editor's, or the credential chain's): for the signed-out welcome view. */
    private Object signedIn() {
        try {
            return Map.of("signedIn", true, "account", access.signIn());
        } catch (AmlDebugException e) {
            return Map.of("signedIn", false);
        }
    }

    /** The tenants the account of the editor's first token can use, so that it can get a token for each. */
    private Object tenants(List<Object> arguments) {
        String token = Arguments.first(arguments, TokenArgs.class).token();
        if (token == null || token.isBlank()) {
            throw AmlDebugException.badInput("azureml.azure.tenants needs token: an access token for Azure Resource Manager.");
        }
        return Map.of("tenants", access.tenants(token).stream().map(t -> Map.of("tenantId", t.tenantId(), "displayName", t.label(),
                "defaultDomain", t.defaultDomain() == null ? "" : t.defaultDomain())).toList());
    }

    /** The editor's default workspace (azureML.defaultWorkspaceId), or none with an empty or missing workspaceId. */
    private Object defaultWorkspace(List<Object> arguments) {
        String id = arguments.isEmpty() ? null : Arguments.first(arguments, DefaultWorkspaceArgs.class).workspaceId();
        access.defaultWorkspace(id == null || id.isBlank() ? null : WorkspaceId.parse(id));
        editor.treeChanged(AzureNodeIds.ROOT);
        return Map.of("workspaceId", id == null ? "" : id);
    }
}
