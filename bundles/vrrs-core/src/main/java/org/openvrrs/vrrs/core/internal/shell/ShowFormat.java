package org.openvrrs.vrrs.core.internal.shell;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.IpAddresses;

/** The layouts of IOS's {@code show vrrs} commands, which scripts written for IOS parse. */
public final class ShowFormat {
    /** JSON for the shows' {@code --json}: fields in order, absent values written as null (scripts expect every key). */
    static final JSON JSON_OUT = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    /** IOS prints a group without server as "UNKNOW" in the summary (its column is six wide); scripts expect it. */
    static final String NO_SERVER_SHORT = "UNKNOW";
    static final String NO_SERVER_LONG = "Not configured";

    private ShowFormat() {
    }

    static String summary(List<GroupState> groups) {
        int width = 16;
        for (GroupState g : groups) {
            width = Math.max(width, g.group().length());
        }
        String row = "%-" + width + "s %-7s %-7s %s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, row, "Group", "Server", "State",
                "Virtual-address"));
        for (GroupState g : groups) {
            out.append(String.format(Locale.ROOT, row, g.group(), g.hasServer() ? g.server() : NO_SERVER_SHORT,
                    g.state(), address(g.virtualAddress())));
        }
        return out.toString();
    }

    public static String group(GroupState g, List<ClientInfo> recipients) {
        StringBuilder out = new StringBuilder(g.group()).append('\n');
        out.append("  Server ").append(g.hasServer() ? g.server() : NO_SERVER_LONG)
                .append(", state ").append(g.state())
                .append(", old state ").append(g.oldState())
                .append(", reason ").append(g.reason().label()).append('\n');
        out.append("  Address family ").append(g.family().label())
                .append(", Virtual address ").append(address(g.virtualAddress()))
                .append(", Virtual mac ").append(g.virtualMac().toDotted()).append('\n');
        out.append("  Active interface address ").append(address(g.activeAddress()))
                .append(", standby interface address ").append(address(g.standbyAddress())).append('\n');
        for (ClientInfo c : recipients) {
            out.append("  Client ").append(c.id()).append(' ').append(c.name())
                    .append(", priority ").append(c.priority().label());
            if (c.allGroups() && !c.following().contains(g.group())) {
                out.append(" (all groups)");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String clients(List<ClientInfo> clients, boolean detail) {
        String row = detail ? "%-3s %-9s %-11s %-24s %10s %7s %9s %s%n" : "%-3s %-9s %-11s %s%n";
        StringBuilder out = new StringBuilder(detail
                ? String.format(Locale.ROOT, row, "ID", "Priority", "All-groups", "Name", "Delivered", "Failed",
                        "Coalesced", "Following")
                : String.format(Locale.ROOT, row, "ID", "Priority", "All-groups", "Name"));
        for (ClientInfo c : clients) {
            String all = c.allGroups() ? "Yes" : "No";
            out.append(detail
                    ? String.format(Locale.ROOT, row, c.id(), c.priority().label(), all, c.name(), c.delivered(),
                            c.failed(), c.coalesced(), String.join(",", c.following()))
                    : String.format(Locale.ROOT, row, c.id(), c.priority().label(), all, c.name()));
        }
        return out.toString();
    }

    /** A group for {@code --json}: the same fields as {@code vrrs:group}, machine-readable. */
    static Map<String, Object> json(GroupState g, List<ClientInfo> recipients) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", g.group());
        m.put("server", g.server());
        m.put("state", g.state().name());
        m.put("oldState", g.oldState().name());
        m.put("reason", g.reason().label());
        m.put("addressFamily", g.family().label());
        m.put("virtualAddress", address(g.virtualAddress()));
        m.put("virtualMac", g.virtualMac().toDotted());
        m.put("activeAddress", address(g.activeAddress()));
        m.put("standbyAddress", address(g.standbyAddress()));
        if (recipients != null) {
            List<Object> clients = new ArrayList<>();
            recipients.forEach(c -> clients.add(json(c)));
            m.put("clients", clients);
        }
        return m;
    }

    static Map<String, Object> json(ClientInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("priority", c.priority().label());
        m.put("allGroups", c.allGroups());
        m.put("following", new ArrayList<>(c.following()));
        m.put("delivered", c.delivered());
        m.put("failed", c.failed());
        m.put("coalesced", c.coalesced());
        return m;
    }

    static String address(InetAddress a) {
        return IpAddresses.format(a);
    }
}
