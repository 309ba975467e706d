package dev.amldebug.azure;

public record Workspace(String id, String name, String location, String discoveryUrl, String publicNetworkAccess) {
}
