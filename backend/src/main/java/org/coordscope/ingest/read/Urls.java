package org.coordscope.ingest.read;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * URL normalisation, so the same link shared with different spellings is one {@code (:Link)}: scheme
 * ({@code http} and {@code https} are one), case of scheme and host, a leading {@code www.}, tracking
 * parameters, fragment and trailing slash. Values that are not URLs (a data set's opaque URL ids) pass through
 * trimmed.
 */
public final class Urls {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final Pattern BARE_HOST = Pattern.compile("^(www\\.)?[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)+(/.*)?$");
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "ref_src", "ref_url", "_ga", "yclid",
            "twclid", "s_cid", "cmpid", "ncid", "smid", "utm");

    private Urls() {}

    /** The normalised form of a shared URL. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (!SCHEME.matcher(value).matches()) {
            if (!BARE_HOST.matcher(value).matches()) {
                return value;
            }
            value = "https://" + value;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return value;
        }
        if (uri.getHost() == null) {
            return value;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            scheme = "https";
        }
        String host = host(uri.getHost());
        String port = uri.getPort() < 0 || uri.getPort() == 80 || uri.getPort() == 443 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null
                ? ""
                : Arrays.stream(uri.getRawQuery().split("&"))
                        .filter(p -> !p.isEmpty() && !isTracking(p))
                        .collect(Collectors.joining("&"));
        return scheme + "://" + host + port + path + (query.isEmpty() ? "" : "?" + query);
    }

    /** The domain of a normalised URL ({@code www.} dropped, lower case), or null when it is not a URL. */
    public static String domain(String normalized) {
        if (normalized == null || !SCHEME.matcher(normalized).matches()) {
            return null;
        }
        try {
            String host = new URI(normalized).getHost();
            return host == null ? null : host(host);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String host(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }

    private static boolean isTracking(String parameter) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }
}
