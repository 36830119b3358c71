package org.openvrrs.plugin.accounting.internal;

import org.openvrrs.config.api.ConfigSecret;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The accounting configurations as typed definitions: metatype, and what the config module's {@code ConfigReader}
 * reads a property map as (strictly: a wrong type, a missing {@code name} or an unknown key is refused). The five
 * kinds of entry are factory configurations, one per server, server group, method list, attribute list and group:
 * their definitions carry {@code factoryPid}, which designates them as factory configurations without a component of
 * their own (the plug-in reads them together, to check their cross references). Defaults here are the defaults in
 * force; ranges and references are checked by {@link ConfigParser}.
 */
public final class AccountingConfig {
    private AccountingConfig() {
    }

    @ObjectClassDefinition(name = "OpenVRRS accounting", description = "VRRS Accounting plug-in settings; servers, "
            + "method lists, attribute lists and groups are factory configurations org.openvrrs.accounting.*")
    public @interface Settings {
        @AttributeDefinition(description = "NAS-IP-Address sent (IPv4); empty = the group's own interface address")
        String nasIpAddress() default "";

        @AttributeDefinition(description = "Seconds before a record whose every server failed is tried again",
                min = "1", max = "86400")
        int retryInterval() default 10;

        @AttributeDefinition(description = "Queue directory; empty = ${karaf.data}/accounting/queue")
        String queueDirectory() default "";
    }

    @ObjectClassDefinition(factoryPid = ConfigParser.SERVER_PID, name = "OpenVRRS RADIUS accounting server",
            description = "radius server NAME: address, acct-port, key, timeout, retransmit")
    public @interface Server {
        @AttributeDefinition(description = "server name")
        String name();

        @AttributeDefinition(description = "IPv4 or IPv6 address (no host names)")
        String address() default "";

        @AttributeDefinition(description = "accounting port", min = "1", max = "65535")
        int acctPort() default 1813;

        @AttributeDefinition(description = "shared secret", type = AttributeType.PASSWORD)
        @ConfigSecret // never shown in a refusal
        String secret() default "";

        @AttributeDefinition(description = "seconds to wait for a response", min = "1", max = "1000")
        int timeout() default 5;

        @AttributeDefinition(description = "resends before the next server", min = "0", max = "100")
        int retransmit() default 3;
    }

    @ObjectClassDefinition(factoryPid = ConfigParser.SERVER_GROUP_PID, name = "OpenVRRS RADIUS server group",
            description = "aaa group server radius NAME: its servers, tried in order")
    public @interface ServerGroup {
        @AttributeDefinition(description = "server group name")
        String name();

        @AttributeDefinition(description = "server names, in the order tried")
        String[] servers() default {};
    }

    @ObjectClassDefinition(factoryPid = ConfigParser.METHOD_LIST_PID, name = "OpenVRRS accounting method list",
            description = "aaa accounting vrrs {default|LIST} start-stop group radius|GROUP ...")
    public @interface MethodList {
        @AttributeDefinition(description = "default or a method list name")
        String name();

        @AttributeDefinition(description = "server groups in the order tried: 'group radius' or 'group NAME'")
        String[] groups() default {};
    }

    @ObjectClassDefinition(factoryPid = ConfigParser.ATTRIBUTE_LIST_PID, name = "OpenVRRS accounting attribute list",
            description = "aaa attribute list NAME: attribute type NAME VALUE")
    public @interface AttributeList {
        @AttributeDefinition(description = "attribute list name")
        String name();

        @AttributeDefinition(description = "attributes, each 'TYPE VALUE', e.g. class gold")
        String[] attributes() default {};
    }

    @ObjectClassDefinition(factoryPid = ConfigParser.GROUP_PID, name = "OpenVRRS accounting of a VRRS group",
            description = "vrrs NAME: accounting delay, accounting method, attribute list")
    public @interface Group {
        @AttributeDefinition(description = "VRRS group name")
        String name();

        @AttributeDefinition(description = "seconds before Accounting-Off is sent", min = "0", max = "3600")
        int delay() default 0;

        @AttributeDefinition(description = "default or a method list name")
        String method() default AccountingModel.DEFAULT_LIST;

        @AttributeDefinition(description = "attribute list name; empty = none")
        String attributeList() default "";
    }
}
