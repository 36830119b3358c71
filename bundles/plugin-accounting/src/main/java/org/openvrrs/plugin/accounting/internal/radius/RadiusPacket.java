package org.openvrrs.plugin.accounting.internal.radius;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The RADIUS packet codec (RFC 2865 section 3, RFC 2866 section 3), just what accounting needs: encoding an
 * Accounting-Request with its Request Authenticator, and checking an Accounting-Response against the request.
 *
 * <p>Authenticators (RFC 2866 section 3): the Request Authenticator is MD5(Code | Identifier | Length | 16 zero
 * octets | Attributes | Secret); the Response Authenticator is MD5(Code | Identifier | Length | Request
 * Authenticator | Attributes | Secret). A response that fails the check is not from the server, or not keyed with
 * our secret, and must be dropped.
 */
public final class RadiusPacket {
    public static final int ACCOUNTING_REQUEST = 4;
    public static final int ACCOUNTING_RESPONSE = 5;
    public static final int HEADER = 20;
    public static final int MAX_LENGTH = 4096;

    private RadiusPacket() {
    }

    /** Why a datagram is not an acceptable response. */
    public enum Check {
        OK, MALFORMED, NOT_A_RESPONSE, BAD_AUTHENTICATOR
    }

    /** An Accounting-Request with {@code identifier} and the RFC 2866 Request Authenticator. */
    public static byte[] accountingRequest(int identifier, byte[] secret, List<RadiusAttribute> attributes) {
        int length = HEADER;
        for (RadiusAttribute a : attributes) {
            length += a.length();
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("accounting request of " + length + " octets exceeds " + MAX_LENGTH);
        }
        byte[] p = new byte[length];
        p[0] = ACCOUNTING_REQUEST;
        p[1] = (byte) identifier;
        p[2] = (byte) (length >>> 8);
        p[3] = (byte) length;
        int o = HEADER;
        for (RadiusAttribute a : attributes) {
            a.writeTo(p, o);
            o += a.length();
        }
        MessageDigest md5 = md5();
        md5.update(p); // authenticator field is still all zeros
        md5.update(secret);
        System.arraycopy(md5.digest(), 0, p, 4, 16);
        return p;
    }

    /** The identifier of a datagram, or -1 when it is too short to be RADIUS. */
    public static int identifier(byte[] datagram, int length) {
        return length < HEADER ? -1 : datagram[1] & 0xff;
    }

    /**
     * Checks a datagram as the response to {@code request}: well-formed, an Accounting-Response with the request's
     * identifier, and a Response Authenticator computed with {@code secret}.
     */
    public static Check checkResponse(byte[] datagram, int received, byte[] request, byte[] secret) {
        if (received < HEADER) {
            return Check.MALFORMED;
        }
        int length = ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff);
        if (length < HEADER || length > received || length > MAX_LENGTH || !attributesWellFormed(datagram, length)) {
            return Check.MALFORMED; // octets beyond Length are padding and ignored (RFC 2865 section 3)
        }
        if ((datagram[0] & 0xff) != ACCOUNTING_RESPONSE || datagram[1] != request[1]) {
            return Check.NOT_A_RESPONSE;
        }
        MessageDigest md5 = md5();
        md5.update(datagram, 0, 4);
        md5.update(request, 4, 16);
        md5.update(datagram, HEADER, length - HEADER);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), java.util.Arrays.copyOfRange(datagram, 4, HEADER))
                ? Check.OK : Check.BAD_AUTHENTICATOR;
    }

    /** The attributes of an encoded packet (used by tests and the benchmark to read packets back). */
    public static List<RadiusAttribute> attributes(byte[] packet) {
        int length = ((packet[2] & 0xff) << 8) | (packet[3] & 0xff);
        if (length > packet.length || !attributesWellFormed(packet, length)) {
            throw new IllegalArgumentException("malformed RADIUS packet");
        }
        List<RadiusAttribute> out = new ArrayList<>();
        for (int o = HEADER; o < length; o += packet[o + 1] & 0xff) {
            out.add(new RadiusAttribute(packet[o] & 0xff,
                    java.util.Arrays.copyOfRange(packet, o + 2, o + (packet[o + 1] & 0xff))));
        }
        return out;
    }

    /** A Response Authenticator for {@code response} (a server's side; for test responders). */
    public static byte[] signResponse(byte[] response, byte[] requestAuthenticator, byte[] secret) {
        byte[] p = response.clone();
        System.arraycopy(requestAuthenticator, 0, p, 4, 16);
        MessageDigest md5 = md5();
        md5.update(p);
        md5.update(secret);
        System.arraycopy(md5.digest(), 0, p, 4, 16);
        return p;
    }

    /** Whether a request's authenticator is right for {@code secret} (a server's check; for tests). */
    public static boolean requestAuthenticatorValid(byte[] request, byte[] secret) {
        byte[] zeroed = request.clone();
        java.util.Arrays.fill(zeroed, 4, HEADER, (byte) 0);
        MessageDigest md5 = md5();
        md5.update(zeroed);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), java.util.Arrays.copyOfRange(request, 4, HEADER));
    }

    public static byte[] secret(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean attributesWellFormed(byte[] p, int length) {
        int o = HEADER;
        while (o < length) {
            if (o + 2 > length) {
                return false;
            }
            int l = p[o + 1] & 0xff;
            if (l < 2 || o + l > length) {
                return false;
            }
            o += l;
        }
        return true;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
