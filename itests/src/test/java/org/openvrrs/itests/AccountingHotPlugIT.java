package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The Accounting plug-in in the distribution: installed at run time it is the guide's VRRS-Accounting client (Low,
 * all groups); its configuration commands refuse bad input with one line; its status view never shows the shared
 * secret; uninstalled, it leaves no client behind.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccountingHotPlugIT extends OpenVrrsTestSupport {
    private static final String SECRET = "s3cret-never-shown";

    @Inject
    protected FeaturesService featuresService;

    private boolean accountingClientListed() {
        return Arrays.stream(execute("vrrs:clients").split("\n"))
                .anyMatch(l -> l.trim().matches("\\d+\\s+Low\\s+Yes\\s+VRRS-Accounting"));
    }

    @Test
    public void installConfigureShowAndUninstall() throws Exception {
        // the shell's feature:install is for the admin role (command ACL); the test installs as the runtime does
        featuresService.installFeature("openvrrs-accounting");
        await().until(this::accountingClientListed);

        String refused = execute("aaa:radius-server --address radius.example --key " + SECRET + " rad1").trim();
        assertTrue(refused, refused.startsWith("ERROR: ") && refused.contains("radius.example"));
        assertFalse(refused, refused.contains("\n") || refused.contains("Exception"));
        assertFalse(execute("vrrs:accounting").contains("rad1"));

        execute("aaa:radius-server --address 127.0.0.1 --acct-port 9 --key " + SECRET + " rad1");
        execute("aaa:accounting-vrrs default start-stop group radius");
        // the plug-in reads the written configuration when Config Admin tells it
        await().until(() -> execute("vrrs:accounting").contains("127.0.0.1:9"));
        String status = execute("vrrs:accounting");
        assertTrue(status, status.contains("rad1") && status.contains("127.0.0.1:9"));
        assertFalse("the shared secret is never shown", status.contains(SECRET));

        // a method list not defined yet is accepted with a warning, as IOS does (the guide's accounting example)
        String unknownList = execute("aaa:vrrs --method METHOD1 DEMO-R1").trim();
        assertTrue(unknownList, unknownList.contains("Warning: accounting method list METHOD1 is not defined yet: "
                + "vrrs DEMO-R1 uses it once it is") && !unknownList.contains("ERROR"));
        execute("aaa:remove vrrs DEMO-R1");

        execute("aaa:remove accounting-vrrs default");
        execute("aaa:remove radius-server rad1");
        featuresService.uninstallFeature("openvrrs-accounting");
        await().until(() -> !accountingClientListed());
        assertEquals("", execute("vrrs:clients").lines().filter(l -> l.contains("VRRS-Accounting"))
                .reduce("", String::concat));
    }
}
