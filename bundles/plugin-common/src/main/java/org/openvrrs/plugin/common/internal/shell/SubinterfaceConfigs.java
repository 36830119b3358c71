package org.openvrrs.plugin.common.internal.shell;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openvrrs.config.api.ConfigEntry;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.config.api.ConfigTarget;
import org.openvrrs.config.api.ConfigWriter;
import org.openvrrs.net.api.Network;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.internal.PluginDatabaseComponent;
import org.openvrrs.plugin.common.internal.SubinterfaceComponent;
import org.openvrrs.plugin.common.internal.SubinterfaceRules;
import org.openvrrs.plugin.common.internal.SubinterfaceSettings;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The Config Admin side of {@code vrrs:follow}, {@code vrrs:interface-state} and {@code vrrs:mac-address}: finds a
 * subinterface's configuration, applies a change, and writes it through the {@link ConfigWriter} with the guide's
 * restrictions (checked against the live network and the configured FHRP groups) as part of its validation, so only
 * an accepted change is written. Returns the warnings to print.
 */
final class SubinterfaceConfigs {
    private final ConfigWriter writer;
    private final PluginDatabaseComponent database;

    SubinterfaceConfigs(ConfigurationAdmin configAdmin, PluginDatabaseComponent database) {
        this.writer = new ConfigWriter(configAdmin);
        this.database = database;
    }

    Optional<ConfigEntry<SubinterfaceComponent.Config>> find(String network, String ifname) throws IOException {
        String net = local(network);
        return writer.find(SubinterfaceSettings.FACTORY_PID, SubinterfaceComponent.Config.class,
                c -> local(c.network()).equals(net) && c.interfaceName().trim().equals(ifname.trim()));
    }

    SubinterfaceSettings current(String network, String ifname) throws IOException {
        return SubinterfaceSettings.of(find(network, ifname).orElseThrow(() -> new IllegalArgumentException(
                "no vrrs follow on " + Subinterface.where(local(network), ifname) + ": configure vrrs:follow first"))
                .config());
    }

    /** Validates {@code settings} and writes them; throws with every refusal, changing nothing. */
    List<String> write(SubinterfaceSettings settings) throws IOException {
        Network network = database.infrastructure().network(settings.network()).orElseThrow(() ->
                new IllegalArgumentException("no network named " + settings.network() + " (known: "
                        + String.join(", ", database.infrastructure().networks().keySet()) + ")"));
        ConfigReader<SubinterfaceComponent.Config, SubinterfaceRules.Verdict> withRules = ConfigReader.of(
                SubinterfaceComponent.Config.class, c -> {
                    SubinterfaceRules.Verdict verdict = SubinterfaceRules.check(SubinterfaceSettings.of(c),
                            network::find, database.fhrpSites());
                    if (!verdict.accepted()) {
                        throw new IllegalArgumentException(String.join("; ", verdict.errors()));
                    }
                    return verdict;
                });
        ConfigTarget target = find(settings.network(), settings.interfaceName()).map(ConfigEntry::target)
                .orElse(ConfigTarget.factoryEntry(SubinterfaceSettings.FACTORY_PID, settings.where()));
        return writer.write(target, settings.toProperties(), withRules).warnings();
    }

    /** Changes an existing configuration. */
    List<String> change(String network, String ifname, UnaryOperator<SubinterfaceSettings> change) throws IOException {
        return write(change.apply(current(network, ifname)));
    }

    boolean remove(String network, String ifname) throws IOException {
        Optional<ConfigEntry<SubinterfaceComponent.Config>> c = find(network, ifname);
        return c.isPresent() && writer.delete(c.get().target());
    }

    private static String local(String network) {
        return network == null || network.isBlank() ? Network.LOCAL : network.trim();
    }
}
