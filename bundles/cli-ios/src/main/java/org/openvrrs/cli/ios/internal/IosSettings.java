package org.openvrrs.cli.ios.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The appliance-wide IOS settings ({@value #PID}): the host name of the prompts and {@code aaa new-model}. */
public final class IosSettings {
    public static final String PID = "org.openvrrs.cli.ios";
    public static final String DEFAULT_HOSTNAME = "Router";

    @ObjectClassDefinition(name = "OpenVRRS IOS front end", description = "hostname and aaa new-model")
    public @interface Config {
        @AttributeDefinition(description = "hostname NAME: the prompt's name")
        String hostname() default DEFAULT_HOSTNAME;

        @AttributeDefinition(description = "aaa new-model (kept for the running configuration; accounting needs "
                + "no switch here)")
        boolean aaaNewModel() default false;
    }

    private IosSettings() {
    }
}
