package org.openvrrs.plugin.common.internal;

import java.util.Map;
import org.openvrrs.config.api.LiveConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subinterface following a VRRS name per {@value SubinterfaceSettings#FACTORY_PID} factory configuration
 * ({@code vrrs follow NAME}, {@code vrrs interface-state}, {@code vrrs mac-address [arp ...]}), handed to the
 * plug-in infrastructure. Read with {@link SubinterfaceSettings#READER}, the shell commands' reader; a refused file is
 * one log line and leaves the last good configuration in place (see {@link LiveConfig}).
 */
@Component(service = {}, configurationPid = SubinterfaceSettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SubinterfaceComponent.Config.class, factory = true)
public final class SubinterfaceComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SubinterfaceComponent.class);

    @ObjectClassDefinition(name = "OpenVRRS VRRS plug-in subinterface",
            description = "A subinterface following a VRRS group name with the Interface-State / MAC-Address plug-ins")
    public @interface Config {
        @AttributeDefinition(description = "Network (router) of the subinterface; empty = the appliance's own")
        String network() default "";

        @AttributeDefinition(description = "Subinterface name, e.g. eth0.2")
        String interfaceName();

        @AttributeDefinition(description = "VRRS group name followed (vrrs follow NAME)")
        String follow();

        @AttributeDefinition(description = "vrrs interface-state")
        boolean interfaceState() default false;

        @AttributeDefinition(description = "vrrs mac-address")
        boolean macAddress() default false;

        @AttributeDefinition(description = "vrrs mac-address arp: repeat unsolicited ARPs")
        boolean arp() default false;

        @AttributeDefinition(description = "Seconds between unsolicited ARPs")
        int arpInterval() default SubinterfaceSettings.DEFAULT_ARP_INTERVAL;

        @AttributeDefinition(description = "Seconds during which unsolicited ARPs are repeated")
        int arpDuration() default SubinterfaceSettings.DEFAULT_ARP_DURATION;
    }

    private final PluginInfrastructure infrastructure;
    private final String key;
    private final LiveConfig<SubinterfaceSettings> config = LiveConfig.inertUntilValid(SubinterfaceSettings.READER,
            LOG);

    @Activate
    public SubinterfaceComponent(@Reference PluginDatabaseComponent database, Map<String, Object> properties) {
        this.infrastructure = database.infrastructure();
        this.key = String.valueOf(properties.get("service.pid"));
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        config.update(properties).ifPresent(s -> infrastructure.put(key, s));
    }

    @Deactivate
    void deactivate() {
        infrastructure.remove(key);
    }
}
