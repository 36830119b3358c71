package org.openvrrs.snmp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the master sends is read in either byte order; anything malformed is an IllegalArgumentException. */
class AgentxCodecTest {
    static final Oid STATUS = Oid.parse("1.3.6.1.2.1.207.1.1.1.1.6");

    /** A GetNext as net-snmp writes it: little-endian (no NETWORK_BYTE_ORDER flag), OIDs with the internet prefix. */
    static byte[] getNextLittleEndian(Oid start) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20 + 4 + 4 * (start.size() - 5) + 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) AgentxCodec.GET_NEXT).put((byte) 0).put((byte) 0);
        b.putInt(7).putInt(8).putInt(9).putInt(4 + 4 * (start.size() - 5) + 4);
        b.put((byte) (start.size() - 5)).put((byte) start.arc(4)).put((byte) 0).put((byte) 0);
        for (int i = 5; i < start.size(); i++) {
            b.putInt(start.arc(i));
        }
        b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // no end
        return b.array();
    }

    @Test
    void aLittleEndianGetNextIsReadAndAnsweredFromTheView() {
        byte[] pdu = getNextLittleEndian(STATUS);
        AgentxCodec.Header h = AgentxCodec.header(Arrays.copyOf(pdu, 20));
        AgentxCodec.Pdu request = AgentxCodec.decode(h, Arrays.copyOfRange(pdu, 20, pdu.length));
        assertThat(request.ranges()).containsExactly(new AgentxCodec.Range(STATUS, false, Oid.NULL));

        MibView view = MibView.builder().add(STATUS, VarBind.integer(STATUS.append(7, 1, 1), 3)).build();
        assertThat(view.answer(request)).containsExactly(VarBind.integer(STATUS.append(7, 1, 1), 3));
        byte[] response = AgentxCodec.response(h, 0, 0, 0, view.answer(request));
        AgentxCodec.Header rh = AgentxCodec.header(Arrays.copyOf(response, 20));
        assertThat(List.of(rh.type(), rh.sessionId(), rh.transactionId(), rh.packetId(), rh.payloadLength()))
                .containsExactly(AgentxCodec.RESPONSE, 7, 8, 9, response.length - 20);
    }

    @Test
    void malformedPdusAreRefusedWithoutAnythingButIllegalArgumentException() {
        byte[] pdu = getNextLittleEndian(STATUS);
        pdu[0] = 2;
        assertThatThrownBy(() -> AgentxCodec.header(pdu)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2");
        byte[] good = getNextLittleEndian(STATUS);
        AgentxCodec.Header h = AgentxCodec.header(Arrays.copyOf(good, 20));
        assertThatThrownBy(() -> AgentxCodec.decode(h, Arrays.copyOfRange(good, 20, good.length - 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends early");
        byte[] huge = getNextLittleEndian(STATUS);
        huge[16] = (byte) 0xff;
        huge[19] = (byte) 0x7f;
        assertThatThrownBy(() -> AgentxCodec.header(huge)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getBulkRepeatsFromWhereEachAnswerEnded() {
        Oid a = STATUS.append(1, 1, 1);
        Oid b = STATUS.append(2, 1, 1);
        MibView view = MibView.builder().add(STATUS, VarBind.integer(a, 3)).add(STATUS, VarBind.integer(b, 2)).build();
        AgentxCodec.Header h = new AgentxCodec.Header(AgentxCodec.GET_BULK, 0x10, 1, 1, 1, 0);
        List<VarBind> answer = view.answer(new AgentxCodec.Pdu(h,
                List.of(new AgentxCodec.Range(STATUS, false, Oid.NULL)), 0, 3, 0, 0));
        assertThat(answer).extracting(VarBind::name).containsExactly(a, b, STATUS.append(2, 1, 1));
        assertThat(answer.get(2).type()).isEqualTo(VarBind.END_OF_MIB_VIEW);
        assertThat(view.get(STATUS.append(9)).type()).isEqualTo(VarBind.NO_SUCH_INSTANCE);
        assertThat(view.get(Oid.parse("1.3.6.1.2.1.207.9")).type()).isEqualTo(VarBind.NO_SUCH_OBJECT);
    }
}
