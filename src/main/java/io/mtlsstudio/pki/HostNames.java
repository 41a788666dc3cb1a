package io.mtlsstudio.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matches a dialled name against subjectAltName entries the way Go crypto/tls and the JDK's HTTPS
 * check do: DNS names case-insensitively, a wildcard only as the whole left-most label and for one
 * label, and IP addresses only against IP entries. Neither looks at the CN when checking a name.
 */
final class HostNames {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?]?");

    private HostNames() {
    }

    static boolean isIpAddress(String name) {
        return isIpv4(name) || IPV6.matcher(name).matches();
    }

    private static boolean isIpv4(String name) {
        if (!IPV4.matcher(name).matches()) {
            return false;
        }
        for (String octet : name.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** True when the DNS pattern of a subjectAltName entry matches the host name. */
    static boolean dnsMatches(String pattern, String host) {
        String p = trimDot(pattern.toLowerCase(Locale.ROOT));
        String h = trimDot(host.toLowerCase(Locale.ROOT));
        if (!p.startsWith("*.")) {
            return p.equals(h);
        }
        int firstDot = h.indexOf('.');
        return firstDot > 0 && h.substring(firstDot).equals(p.substring(1)) && p.indexOf('.', 2) > 0;
    }

    /** True when two IP address literals denote the same address; never resolves a name. */
    static boolean ipMatches(String entry, String address) {
        byte[] a = literal(entry);
        byte[] b = literal(address);
        return a != null && b != null && Arrays.equals(a, b);
    }

    private static byte[] literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!isIpAddress(bare)) {
            return null;
        }
        try {
            // The text is an IP literal (checked above), so getByName parses it without any lookup.
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String trimDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
