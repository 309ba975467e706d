package dev.amldebug.azure.http;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** Turns a failed Azure call into one sentence that says what to do. Never a token, a signature or a class name. */
public final class AzureErrors {
    public static final String SIGN_IN_EXPIRED =
            "Your Azure sign-in has expired: run `az login` or `aml-debug azure login`, then try again.";
    public static final String NOT_SIGNED_IN =
            "You are not signed in to Azure: run `az login` or `aml-debug azure login`, then try again.";
    private static final Pattern CLIENT = Pattern.compile("client '([^']+)'");
    private static final Pattern OBJECT_ID = Pattern.compile("object id '([^']+)'");
    private static final Pattern ACTION = Pattern.compile("action '([^']+)'");
    private static final Pattern SCOPE = Pattern.compile("scope '([^']+)'");
    private static final Pattern TENANT = Pattern.compile("must match the tenant 'https://[^/]+/([^/']+)/?'");

    private AzureErrors() {
    }

    /** {@code workspace} names the workspace of a data-plane call, null for ARM. */
    public static AmlDebugException fromResponse(int status, byte[] body, What what, String workspace) {
        ArmError error = ArmError.parse(body);
        String code = error.code();
        if (status == 401 || code.startsWith("ExpiredAuthenticationToken") || code.startsWith("InvalidAuthenticationToken")) {
            return new AmlDebugException(ErrorKind.ENVIRONMENT, signInSentence(code, group(TENANT, error.message())));
        }
        if (status == 403 && privateLink(error)) {
            return new AmlDebugException(ErrorKind.ENVIRONMENT, privateLinkSentence(workspace == null ? "" : workspace));
        }
        if (status == 403 || code.equals("AuthorizationFailed")) {
            return new AmlDebugException(ErrorKind.ENVIRONMENT, authorizationSentence(error, what));
        }
        if (status == 404) {
            return new AmlDebugException(ErrorKind.NOT_FOUND, notFoundSentence(error, what));
        }
        if (status == 429) {
            return new AmlDebugException(ErrorKind.ENVIRONMENT, "Azure is throttling requests for " + what.description()
                    + " and still was after several retries: wait a minute, then try again.");
        }
        if (status >= 500) {
            return new AmlDebugException(ErrorKind.ENVIRONMENT, "Azure answered " + status + detail(error) + " for "
                    + what.description() + ", even after retries: try again in a few minutes.");
        }
        return new AmlDebugException(ErrorKind.BAD_INPUT, "Azure refused the request for " + what.description()
                + " (" + status + detail(error) + "): correct it and try again.");
    }

    /** A request that got no answer at all. */
    public static AmlDebugException unreachable(URI url, Throwable failure, What what, String workspace) {
        String host = url.getHost();
        Throwable cause = rootCause(failure);
        if (cause instanceof SSLException) {
            return AmlDebugException.environment("The TLS certificate of " + host + " is not trusted here: set "
                    + HttpSettings.CA_BUNDLE + " to a PEM file with your network's root certificate.", null);
        }
        if (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)
                && !(cause instanceof HttpConnectTimeoutException)) {
            return new AmlDebugException(ErrorKind.ENVIRONMENT, "The request for " + what.description() + " was interrupted.");
        }
        if (workspace != null && (causedBy(failure, UnknownHostException.class) || causedBy(failure, ConnectException.class)
                || causedBy(failure, HttpConnectTimeoutException.class))) {
            return AmlDebugException.environment(privateLinkSentence(workspace), null);
        }
        return AmlDebugException.environment("Cannot reach " + host + " for " + what.description()
                + ": check your network connection, HTTPS_PROXY and NO_PROXY, or AML_DEBUG_ARM_ENDPOINT.", null);
    }

    public static String privateLinkSentence(String workspace) {
        return "The workspace " + workspace + " is behind a private link and cannot be reached from this network:"
                + " connect through its virtual network (VPN, ExpressRoute or a machine inside it), or ask its owner to allow"
                + " public network access.";
    }

    /** @param tenant the subscription's tenant, when Resource Manager named it */
    private static String signInSentence(String code, String tenant) {
        if (code.startsWith("InvalidAuthenticationToken") && !code.equals("InvalidAuthenticationTokenTenant")) {
            return "Azure did not accept your sign-in: run `az login` or `aml-debug azure login`, then try again.";
        }
        if (code.equals("InvalidAuthenticationTokenTenant")) {
            String named = tenant == null ? "<tenant>" : tenant;
            return "Your Azure sign-in is for another tenant than this subscription's" + (tenant == null ? "" : " (tenant " + tenant + ")")
                    + ": sign in to that tenant (in VS Code, Azure ML: Sign in to Azure) or run `az login --tenant " + named
                    + "`, then try again.";
        }
        return SIGN_IN_EXPIRED;
    }

    private static String authorizationSentence(ArmError error, What what) {
        String message = error.message();
        String client = group(CLIENT, message);
        String objectId = group(OBJECT_ID, message);
        String action = group(ACTION, message);
        String scope = group(SCOPE, message);
        String identity = client == null ? "Your identity" : "The identity " + client
                + (objectId != null && !objectId.equals(client) ? " (object id " + objectId + ")" : "");
        String doing = action == null ? "access " + what.description() : "perform " + action;
        String where = scope == null ? "" : " on " + scope;
        return identity + " is not allowed to " + doing + where + ": ask an owner of that scope for a role that grants it"
                + " (for example AzureML Data Scientist), then run `az login` again.";
    }

    private static String notFoundSentence(ArmError error, What what) {
        String code = error.code();
        if (code.equals("SubscriptionNotFound")) {
            return "The subscription of " + what.description() + " was not found for your sign-in: run"
                    + " `aml-debug azure workspaces` to see the workspaces you can use.";
        }
        if (code.equals("ResourceGroupNotFound")) {
            return "The resource group of " + what.description() + " does not exist: run"
                    + " `aml-debug azure workspaces` to see the workspaces you can use.";
        }
        return "Azure ML has no " + what.description() + ": run " + what.listCommand() + " to see what exists.";
    }

    private static boolean privateLink(ArmError error) {
        String text = (error.code() + " " + error.message()).toLowerCase(Locale.ROOT);
        return text.contains("private link") || text.contains("privatelink") || text.contains("private endpoint")
                || text.contains("public network access");
    }

    private static String detail(ArmError error) {
        if (error.code().isEmpty() && error.message().isEmpty()) {
            return "";
        }
        String message = error.message().replaceAll("\\s+", " ").trim();
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return ", " + error.code() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** java.net.http wraps a refused connection as ConnectException(ClosedChannelException): the root cause alone hides it. */
    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
