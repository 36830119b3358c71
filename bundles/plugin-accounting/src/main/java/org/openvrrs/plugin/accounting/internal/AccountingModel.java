package org.openvrrs.plugin.accounting.internal;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;

/**
 * The validated accounting configuration, immutable: RADIUS servers, server groups, method lists
 * ({@code aaa accounting vrrs}), attribute lists ({@code aaa attribute list}) and per group settings. Built only by
 * {@link ConfigParser}, which refuses inconsistent input, so every name referenced here exists.
 *
 * @param nasIp         NAS-IP-Address to send, or null to use the group's own interface address
 * @param retryInterval how long a record whose every server failed waits before the method list is tried again
 * @param queueDirectory the durable queue's directory, empty for the default one; taken when the plug-in starts (a
 *                       change is used from the next start)
 */
public record AccountingModel(Map<String, RadiusServer> servers, Map<String, List<String>> serverGroups,
        Map<String, List<String>> methodLists, Map<String, List<RadiusAttribute>> attributeLists,
        Map<String, GroupSettings> groups, Inet4Address nasIp, Duration retryInterval, String queueDirectory) {

    /** The method list of {@code aaa accounting vrrs default ...}. */
    public static final String DEFAULT_LIST = "default";
    /** The server group of every configured server ({@code group radius}). */
    public static final String ALL_SERVERS = "radius";

    public static final AccountingModel EMPTY = new AccountingModel(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
            null, Duration.ofSeconds(10), "");

    public GroupSettings settings(String group) {
        return groups.getOrDefault(group, GroupSettings.defaults(group));
    }

    /** The method list a group uses, if it exists (a group on {@code default} without a default list: none). */
    public Optional<List<String>> methodList(String group) {
        return Optional.ofNullable(methodLists.get(settings(group).methodList()));
    }

    /**
     * The servers to try for a group, in order: each server group of the method list in turn, each of its servers
     * in turn; a server already listed is not repeated.
     */
    public List<RadiusServer> route(String group) {
        Set<String> names = new LinkedHashSet<>();
        for (String serverGroup : methodList(group).orElse(List.of())) {
            names.addAll(serversOf(serverGroup));
        }
        List<RadiusServer> out = new ArrayList<>();
        names.forEach(n -> out.add(servers.get(n)));
        return out;
    }

    /** Servers of a server group; {@code radius} is every server, sorted by name. */
    private List<String> serversOf(String serverGroup) {
        return ALL_SERVERS.equals(serverGroup) ? List.copyOf(servers.keySet())
                : serverGroups.getOrDefault(serverGroup, List.of());
    }

    /** The attributes of the group's list that are sent ({@code account-delay} is a setting, not sent). */
    public List<RadiusAttribute> extraAttributes(String group) {
        return listed(group).stream().filter(a -> a.type() != RadiusAttribute.ACCT_DELAY_TIME).toList();
    }

    /** How long Accounting-Off waits: the group's accounting delay, else its attribute list's account-delay. */
    public java.time.Duration offDelay(String group) {
        java.time.Duration own = settings(group).delay();
        if (!own.isZero()) {
            return own;
        }
        return listed(group).stream().filter(a -> a.type() == RadiusAttribute.ACCT_DELAY_TIME).findFirst()
                .map(a -> java.time.Duration.ofSeconds(java.nio.ByteBuffer.wrap(a.value()).getInt() & 0xFFFFFFFFL))
                .orElse(own);
    }

    private List<RadiusAttribute> listed(String group) {
        String list = settings(group).attributeList();
        return list.isEmpty() ? List.of() : attributeLists.getOrDefault(list, List.of());
    }
}
