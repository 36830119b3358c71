package org.openvrrs.vrrs.events.internal;

import java.util.Map;
import org.openvrrs.config.api.LiveConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One set of notify scripts per {@value NotifySettings#FACTORY_PID} factory configuration
 * ({@code etc/org.openvrrs.events.notify-NAME.cfg}), handed to the stream's {@link NotifyRunner}. A refused file is one
 * log line and the last good configuration stays (see {@link LiveConfig}).
 */
@Component(service = {}, configurationPid = NotifySettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = NotifySettings.Config.class, factory = true)
public final class NotifyComponent {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyComponent.class);

    private final NotifyRunner runner;
    private final String key;
    private final LiveConfig<NotifySettings> config = LiveConfig.inertUntilValid(NotifySettings.READER, LOG);

    @Activate
    public NotifyComponent(@Reference EventsComponent events, Map<String, Object> properties) {
        this.runner = events.notifyRunner();
        this.key = String.valueOf(properties.get("service.pid"));
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        config.update(properties).ifPresent(s -> runner.put(key, s));
    }

    @Deactivate
    void deactivate() {
        runner.remove(key);
    }
}
