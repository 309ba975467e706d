package dev.amldebug.azurefake.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Slices lists into pages: ARM's absolute nextLink with $skipToken, and run history's continuationToken. */
public final class Paging {
    private Paging() {
    }

    public record Page<T>(List<T> items, String token) {
    }

    public static <T> Page<T> page(List<T> all, String token, int pageSize) {
        int from = token == null || token.isEmpty() ? 0 : offset(token);
        int to = Math.min(all.size(), from + pageSize);
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        return new Page<>(items, to < all.size() ? token(to) : null);
    }

    /** The absolute next link: the same path and query, with $skipToken set. */
    public static String nextLink(Call call, String token) {
        StringBuilder link = new StringBuilder(call.baseUrl()).append(call.path());
        char separator = '?';
        for (var e : call.query().entrySet()) {
            if (!e.getKey().equals("$skipToken")) {
                link.append(separator).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
                separator = '&';
            }
        }
        return link.append(separator).append("$skipToken=").append(encode(token)).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%24", "$");
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return Integer.parseInt(text.substring("offset:".length()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The skip token is not one this service made.", e);
        }
    }
}
