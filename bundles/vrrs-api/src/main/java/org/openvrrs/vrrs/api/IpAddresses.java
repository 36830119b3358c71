package org.openvrrs.vrrs.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address literals in and out: parsing that never asks DNS, and the short IPv6 form (RFC 5952) for output. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /**
     * Parses an IPv4 dotted quad or an IPv6 literal. A host name is refused, never looked up.
     *
     * @param what names the value in the error message, e.g. "virtual address"
     */
    public static InetAddress parse(String what, String text) {
        String t = text == null ? "" : text.trim();
        if (t.contains(":") ? t.matches("[0-9a-fA-F:.]+") : isDottedQuad(t)) {
            try {
                return InetAddress.getByName(t); // a literal: parsed, no lookup
            } catch (UnknownHostException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException(what + " '" + text + "' is not an IPv4 or IPv6 address");
    }

    private static boolean isDottedQuad(String t) {
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** 192.0.2.1, or an IPv6 address in its short form (2001:db8::1), not Java's long one. */
    public static String format(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1; // RFC 5952: a single zero word is not compressed
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(words[i]));
        }
        return s.toString();
    }
}
