package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@code --json} of the show commands in the booted demo (docs/json.md): one JSON document each, every key present,
 * the same facts as the text.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JsonShowsIT extends OpenVrrsTestSupport {

    @SuppressWarnings("unchecked")
    private static <T> T json(String printed) {
        try {
            return (T) JSON.std.anyFrom(printed.strip());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + printed, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(List<Object> rows, String key, Object value) {
        return (Map<String, Object>) rows.stream().filter(r -> value.equals(((Map<String, Object>) r).get(key)))
                .findFirst().orElseThrow(() -> new AssertionError(key + "=" + value + " not in " + rows));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void everyShowOfTheDemoPrintsItsRowsAsJson() {
        // r1 (priority 120) takes over from whoever came up first
        await().untilAsserted(() -> {
            Map<String, Object> r1 = row(json(execute("vrrp:show --json")), "vrrsName", "DEMO-R1");
            assertEquals("r1", r1.get("network"));
            assertEquals("Master", r1.get("state"));
            assertTrue(r1.containsKey("initReason") && r1.get("initReason") == null);
            assertEquals("Backup", row(json(execute("vrrp:show --json")), "vrrsName", "DEMO-R2").get("state"));
        });

        Map<String, Object> statistics = json(execute("vrrp:statistics --json"));
        Map<String, Object> router = (Map<String, Object>) statistics.get("router");
        assertTrue(router.toString(), router.containsKey("vrIdErrors") && router.get("drops") instanceof Map);
        Map<String, Object> r1Stats = row((List<Object>) statistics.get("groups"), "network", "r1");
        assertTrue(r1Stats.toString(), ((Number) r1Stats.get("sentAdvertisements")).longValue() > 0);
        assertTrue(r1Stats.toString(), r1Stats.containsKey("authFailures") && r1Stats.get("authFailures") == null);

        List<Object> database = json(execute("vrrs:plugin-database --json"));
        Map<String, Object> demo = row(database, "name", "DEMO-R1");
        assertEquals(Boolean.TRUE, demo.get("active"));
        assertEquals(List.of("r1/eth0.2", "r1/eth0.3"), demo.get("interfaces"));

        List<Object> brief = json(execute("vrrs:ip-interface-brief --network r1 --json"));
        Map<String, Object> eth04 = row(brief, "interface", "eth0.4");
        assertEquals(Boolean.FALSE, eth04.get("lineProtocolUp"));
        assertEquals("no VRRS server", eth04.get("interfaceStateDownBy"));
        assertTrue(row(brief, "interface", "eth0.2").get("interfaceStateDownBy") == null);

        List<Object> arp = json(execute("vrrs:ip-arp --network r1 --json"));
        Map<String, Object> vip = row(arp, "address", "192.0.2.1");
        assertEquals("0000.5e00.0101", vip.get("mac"));
        assertEquals(Boolean.TRUE, vip.get("virtualAddress"));

        Map<String, Object> controller = json(execute("vrrs:controller --network r1 --json eth0"));
        assertTrue(controller.toString(), ((List<Object>) controller.get("macFilter")).contains("0000.5e00.0101"));
    }
}
