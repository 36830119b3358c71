package org.openvrrs.plugin.accounting.internal.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RadiusPacketTest {
    private static final byte[] SECRET = RadiusPacket.secret("xyzzy5461");
    private static final List<RadiusAttribute> ATTRS = List.of(
            RadiusAttribute.integer(RadiusAttribute.ACCT_STATUS_TYPE, 7),
            RadiusAttribute.string(RadiusAttribute.ACCT_SESSION_ID, "S1"),
            RadiusAttribute.ciscoAvPair("vrrs=G1"));

    @Test
    void requestAuthenticatorIsMd5OfPacketWithZeroAuthenticatorAndSecret() throws Exception {
        byte[] p = RadiusPacket.accountingRequest(42, SECRET, ATTRS);
        assertThat(p[0]).isEqualTo((byte) 4);
        assertThat(p[1]).isEqualTo((byte) 42);
        assertThat(((p[2] & 0xff) << 8) | (p[3] & 0xff)).isEqualTo(p.length);
        byte[] zeroed = p.clone();
        java.util.Arrays.fill(zeroed, 4, 20, (byte) 0);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(zeroed);
        md5.update(SECRET);
        assertThat(java.util.Arrays.copyOfRange(p, 4, 20)).isEqualTo(md5.digest());
        assertThat(RadiusPacket.requestAuthenticatorValid(p, SECRET)).isTrue();
        assertThat(RadiusPacket.requestAuthenticatorValid(p, RadiusPacket.secret("other"))).isFalse();
    }

    @Test
    void ciscoVsaIsVendor9Type1() {
        RadiusAttribute a = RadiusAttribute.ciscoAvPair("vrrs=G1");
        assertThat(HexFormat.of().formatHex(a.value())).isEqualTo("00000009" + "01" + "09" + "767272733d4731");
        assertThat(RadiusPacket.attributes(RadiusPacket.accountingRequest(1, SECRET, ATTRS))).isEqualTo(ATTRS);
    }

    @Test
    void responseSignedWithTheSecretPassesOthersAreDropped() {
        byte[] request = RadiusPacket.accountingRequest(9, SECRET, ATTRS);
        byte[] response = {5, 9, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] reqAuth = java.util.Arrays.copyOfRange(request, 4, 20);
        byte[] good = RadiusPacket.signResponse(response, reqAuth, SECRET);
        assertThat(RadiusPacket.checkResponse(good, good.length, request, SECRET)).isEqualTo(RadiusPacket.Check.OK);

        byte[] misKeyed = RadiusPacket.signResponse(response, reqAuth, RadiusPacket.secret("wrong"));
        assertThat(RadiusPacket.checkResponse(misKeyed, misKeyed.length, request, SECRET))
                .isEqualTo(RadiusPacket.Check.BAD_AUTHENTICATOR);

        byte[] forged = good.clone();
        forged[19] ^= 1;
        assertThat(RadiusPacket.checkResponse(forged, forged.length, request, SECRET))
                .isEqualTo(RadiusPacket.Check.BAD_AUTHENTICATOR);

        byte[] otherId = good.clone();
        otherId[1] = 10;
        assertThat(RadiusPacket.checkResponse(otherId, otherId.length, request, SECRET))
                .isEqualTo(RadiusPacket.Check.NOT_A_RESPONSE);

        assertThat(RadiusPacket.checkResponse(good, 19, request, SECRET)).isEqualTo(RadiusPacket.Check.MALFORMED);
        byte[] badAttr = {5, 9, 0, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9};
        assertThat(RadiusPacket.checkResponse(badAttr, badAttr.length, request, SECRET))
                .isEqualTo(RadiusPacket.Check.MALFORMED);
    }

    @Test
    void oversizedValuesAreRefused() {
        assertThatThrownBy(() -> RadiusAttribute.string(44, "x".repeat(254)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 253");
        assertThatThrownBy(() -> RadiusAttribute.integer(41, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
