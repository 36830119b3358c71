package org.openvrrs.cli.ios.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the IOS commands act on. Changes of VRRP, the plug-ins and accounting go through those bundles' own Karaf
 * commands ({@code vrrp:configure}, {@code vrrs:follow}, {@code aaa:...}), which validate with the components' own
 * readers; interfaces and the host name are this bundle's; the running configuration is read from Config Admin.
 * {@code KarafAppliance} is the real one, tests use a fake.
 */
public interface Appliance {

    /**
     * Runs a Karaf command of another bundle.
     *
     * @return what it printed
     * @throws Exception its refusal (one line), or that the command is not installed
     */
    String run(String command, List<String> arguments) throws Exception;

    /** The properties of every entry of a factory PID, without the framework's keys. */
    List<Map<String, Object>> entries(String factoryPid) throws IOException;

    /** The properties of a singleton PID; empty when there is none. */
    Map<String, Object> properties(String pid) throws IOException;

    String hostname();

    void hostname(String name) throws IOException;

    /** Sets one key of this bundle's own settings ({@link IosSettings}). */
    void setting(String key, Object value) throws IOException;

    /** The appliance's own interfaces (the network named local), in index order. */
    List<String> interfaceNames();

    /** The addresses the interface has now, as ADDRESS/PREFIX; empty when it does not exist. */
    List<String> addressesOf(String ifname);

    /** The interface's IOS settings, when it was configured here. */
    Optional<InterfaceSettings> interfaceSettings(String ifname) throws IOException;

    /** All interfaces configured here. */
    List<InterfaceSettings> interfaceSettings() throws IOException;

    /** Applies {@code settings} to the interface at once and stores them; throws with one line, changing nothing. */
    void configure(InterfaceSettings settings) throws Exception;

    /** {@code no interface X.N}: removes a subinterface and its settings. */
    void removeInterface(String ifname) throws Exception;

    Optional<ConfigurationArchive> archive();

    Optional<SecretCodec> secrets();
}
