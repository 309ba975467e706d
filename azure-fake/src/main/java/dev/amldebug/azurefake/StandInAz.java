package dev.amldebug.azurefake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes an executable {@code az} that answers {@code az account get-access-token} as the Azure CLI does, so the real
 * AzureCliCredential path is what tests exercise. Signed out, it answers like the CLI before {@code az login}.
 */
public final class StandInAz {
    private static final DateTimeFormatter CLI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private StandInAz() {
    }

    /** Writes {@code folder/az} answering with this token; returns its path. Put the folder first on PATH. */
    public static Path write(Path folder, String token, Instant expiresOn, String subscriptionId, String tenantId) throws IOException {
        String json = "{\n"
                + "  \"accessToken\": \"" + token + "\",\n"
                + "  \"expiresOn\": \"" + CLI_TIME.format(expiresOn.atZone(ZoneId.systemDefault())) + "\",\n"
                + "  \"expires_on\": " + expiresOn.getEpochSecond() + ",\n"
                + "  \"subscription\": \"" + subscriptionId + "\",\n"
                + "  \"tenant\": \"" + tenantId + "\",\n"
                + "  \"tokenType\": \"Bearer\"\n"
                + "}";
        return writeScript(folder, script("cat <<'JSON'\n" + json + "\nJSON\nexit 0"));
    }

    public static Path write(Path folder, FakeAzureMl fake) throws IOException {
        return write(folder, fake.token(), fake.tokenExpiresOn(), fake.options().subscriptionId(), FakeToken.TENANT_ID);
    }

    /** Writes an {@code az} that is signed out: every call fails as the CLI does before {@code az login}. */
    public static Path writeSignedOut(Path folder) throws IOException {
        return writeScript(folder, "#!/bin/sh\necho \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n");
    }

    private static String script(String answer) {
        return """
                #!/bin/sh
                # A stand-in Azure CLI written by aml-debug's tests: it knows only `az account get-access-token`.
                if [ "$1" != "account" ] || [ "$2" != "get-access-token" ]; then
                  echo "ERROR: '$*' is not supported by this stand-in az: only 'az account get-access-token'." >&2
                  exit 1
                fi
                shift 2
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --resource|--scope|--tenant|-t|--subscription) [ $# -ge 2 ] || { echo "ERROR: argument $1: expected one argument" >&2; exit 1; }; shift 2 ;;
                    --output|-o) if [ "$2" != "json" ]; then echo "ERROR: only --output json is supported" >&2; exit 1; fi; shift 2 ;;
                    *) echo "ERROR: unrecognized arguments: $1" >&2; exit 1 ;;
                  esac
                done
                """ + answer + "\n";
    }

    private static Path writeScript(Path folder, String text) throws IOException {
        Files.createDirectories(folder);
        Path az = folder.resolve("az");
        Files.writeString(az, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwx------"));
        return az;
    }
}
