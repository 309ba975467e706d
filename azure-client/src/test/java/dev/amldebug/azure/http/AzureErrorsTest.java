package dev.amldebug.azure.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Error bodies as Resource Manager and the Azure ML services send them. */
class AzureErrorsTest {
    private static final What JOB = What.of("job quiet_fox_1 in workspace ws", "`aml-debug azure jobs list`");

    @Test
    void authorizationFailedNamesIdentityActionAndScope() {
        AmlDebugException error = fromResponse(403, """
                {"error":{"code":"AuthorizationFailed","message":"The client 'alice@contoso.com' with object id \
                '8d5c2a4e-0000-4b6e-9d1e-2f1c3b4a5d6e' does not have authorization to perform action \
                'Microsoft.MachineLearningServices/workspaces/jobs/read' over scope '/subscriptions/s/resourceGroups/rg/\
                providers/Microsoft.MachineLearningServices/workspaces/ws' or the scope is invalid. If access was recently \
                granted, please refresh your credentials."}}""");

        assertThat(error.kind()).isEqualTo(ErrorKind.ENVIRONMENT);
        assertThat(error.getMessage())
                .startsWith("The identity alice@contoso.com (object id 8d5c2a4e-0000-4b6e-9d1e-2f1c3b4a5d6e) is not allowed to"
                        + " perform Microsoft.MachineLearningServices/workspaces/jobs/read on /subscriptions/s/resourceGroups/rg/")
                .contains("ask an owner of that scope for a role");
    }

    @Test
    void resourceNotFoundNamesTheThingAndHowToList() {
        AmlDebugException error = fromResponse(404, """
                {"error":{"code":"ResourceNotFound","message":"The Resource 'Microsoft.MachineLearningServices/workspaces/ws/jobs/\
                quiet_fox_1' under resource group 'rg' was not found. For more details please go to \
                https://aka.ms/ARMResourceNotFoundFix"}}""");

        assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(error.getMessage()).isEqualTo(
                "Azure ML has no job quiet_fox_1 in workspace ws: run `aml-debug azure jobs list` to see what exists.");
    }

    @Test
    void azureMlUserErrorNotFoundGivesTheSameSentence() {
        AmlDebugException error = fromResponse(404, "{\"error\":{\"code\":\"UserError\",\"message\":\"Not found.\",\"details\":[]}}");

        assertThat(error.getMessage()).contains("Azure ML has no job quiet_fox_1", "aml-debug azure jobs list");
    }

    @Test
    void missingResourceGroupAndSubscriptionPointToTheWorkspaceList() {
        assertThat(fromResponse(404, "{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource group 'rg' could not be found.\"}}")
                .getMessage()).contains("resource group", "does not exist", "aml-debug azure workspaces");
        assertThat(fromResponse(404, "{\"error\":{\"code\":\"SubscriptionNotFound\",\"message\":\"The subscription 's' could not be found.\"}}")
                .getMessage()).contains("subscription", "aml-debug azure workspaces");
    }

    @Test
    void expiredTokenSaysHowToSignInAgain() {
        AmlDebugException error = fromResponse(401, """
                {"error":{"code":"ExpiredAuthenticationToken","message":"The access token expiry UTC time '11/24/2026 \
                10:00:00 AM' is earlier than current UTC time '11/24/2026 11:00:00 AM'."}}""");

        assertThat(error.kind()).isEqualTo(ErrorKind.ENVIRONMENT);
        assertThat(error.getMessage()).isEqualTo(AzureErrors.SIGN_IN_EXPIRED);
    }

    @Test
    void aTokenOfAnotherTenantNamesTheSubscriptionsTenant() {
        AmlDebugException error = fromResponse(401, """
                {"error":{"code":"InvalidAuthenticationTokenTenant","message":"The access token is from the wrong issuer \
                'https://sts.windows.net/aaaa/'. It must match the tenant 'https://sts.windows.net/bbbb/' associated with this \
                subscription. Please use the authority (URL) 'https://login.windows.net/bbbb' to get the token."}}""");

        assertThat(error.kind()).isEqualTo(ErrorKind.ENVIRONMENT);
        assertThat(error.getMessage()).isEqualTo("Your Azure sign-in is for another tenant than this subscription's (tenant bbbb):"
                + " sign in to that tenant (in VS Code, Azure ML: Sign in to Azure) or run `az login --tenant bbbb`, then try again.");
    }

    @Test
    void privateLinkRefusalOfTheDataPlaneSaysSo() {
        AmlDebugException error = AzureErrors.fromResponse(403, bytes("""
                {"error":{"code":"UserError","message":"Public network access is disabled for this workspace; use a private \
                endpoint."}}"""), JOB, "ws");

        assertThat(error.getMessage()).startsWith("The workspace ws is behind a private link and cannot be reached from this network:");
    }

    @Test
    void unreachableDataPlaneIsThePrivateLinkSentence() {
        AmlDebugException error = AzureErrors.unreachable(URI.create("https://ws.eastus.api.azureml.ms/history"),
                new java.io.UncheckedIOException(new ConnectException("refused")), JOB, "ws");

        assertThat(error.getMessage()).startsWith("The workspace ws is behind a private link");
    }

    @Test
    void refusedConnectionAsJavaNetHttpWrapsItIsThePrivateLinkSentence() {
        ConnectException refused = new ConnectException();
        refused.initCause(new java.nio.channels.ClosedChannelException());

        AmlDebugException error = AzureErrors.unreachable(URI.create("https://ws.eastus.api.azureml.ms/history"),
                new java.io.UncheckedIOException(refused), JOB, "ws");

        assertThat(error.getMessage()).startsWith("The workspace ws is behind a private link");
    }

    @Test
    void untrustedCertificateNamesTheCaBundleVariable() {
        AmlDebugException error = AzureErrors.unreachable(URI.create("https://management.azure.com/x"),
                new java.io.UncheckedIOException(new SSLHandshakeException("PKIX path building failed")), JOB, null);

        assertThat(error.getMessage()).contains("management.azure.com", "AML_DEBUG_CA_BUNDLE").doesNotContain("PKIX", "Exception");
    }

    @Test
    void serverErrorsAndThrottlingSayToWait() {
        assertThat(fromResponse(503, "").getMessage()).contains("503", "try again in a few minutes");
        assertThat(fromResponse(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}").getMessage())
                .contains("throttling", "wait a minute");
    }

    @Test
    void badRequestKeepsAzureReasonButNeverASignature() {
        AmlDebugException error = fromResponse(400, """
                {"error":{"code":"ValidationError","message":"Invalid input uri https://a.blob.core.windows.net/c/x?sv=1&sig=SECRET."}}""");

        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(error.getMessage()).contains("ValidationError", "sig=REDACTED").doesNotContain("SECRET");
    }

    private static AmlDebugException fromResponse(int status, String body) {
        return AzureErrors.fromResponse(status, bytes(body), JOB, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
