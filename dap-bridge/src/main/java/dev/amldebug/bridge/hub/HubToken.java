package dev.amldebug.bridge.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A random secret, per run or per ticket. Its text never goes into a log or a command line. */
final class HubToken {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private HubToken(String value) {
        this.value = value;
    }

    static HubToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new HubToken(HexFormat.of().formatHex(bytes));
    }

    String value() {
        return value;
    }

    /** In constant time, so that how long a refusal takes tells nothing about the token. */
    boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                offered.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "(a hub token)";
    }
}
