package dev.amldebug.azure;

public record Subscription(String subscriptionId, String displayName, String state) {
}
