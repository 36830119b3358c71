package org.openvrrs.vrrs.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerSpec;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsServer;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.openvrrs.vrrs.api.VrrsWhiteboard.Declaration;

/** The whiteboard contract: clients and servers exist while their declarations do, and follow them as they change. */
class WhiteboardTest {
    private final StandaloneRegistry registry = new StandaloneRegistry();
    private final VrrsWhiteboard whiteboard = registry.whiteboard();

    @AfterEach
    void close() {
        registry.close();
    }

    /** A server that publishes ACTIVE when attached and records what the registry told it. */
    static final class Server implements VrrsServer {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile ServerRegistration registration;

        @Override
        public void attached(ServerRegistration r) {
            events.add("attached " + r.group());
            registration = r;
            r.update(VrrsDatabaseTest.update(VrrsState.ACTIVE, 1));
        }

        @Override
        public void detached(ServerRegistration r) {
            events.add("detached " + r.group());
        }
    }

    static final class Client implements VrrsClient {
        final List<GroupState> received = new CopyOnWriteArrayList<>();

        @Override
        public void groupChanged(GroupState state) {
            received.add(state);
        }

        boolean saw(String group, VrrsState state) {
            return received.stream().anyMatch(s -> s.group().equals(group) && s.state() == state);
        }
    }

    @Test
    void aClientFollowsWhatItsPropertiesNameAndChangesWithThem() {
        Client client = new Client();
        ClientSpec spec = ClientSpec.following("PLUGINS", ClientPriority.HIGH, Set.of("A"));
        Declaration<ClientSpec> declared = whiteboard.client(client, spec);
        whiteboard.server(new Server(), new ServerSpec("VRRP", "A", "local", "eth0"));
        whiteboard.server(new Server(), new ServerSpec("VRRP", "B", "local", "eth1"));
        await().until(() -> client.saw("A", VrrsState.ACTIVE));
        assertThat(registry.clients()).extracting(ClientInfo::name, ClientInfo::priority)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PLUGINS", ClientPriority.HIGH));

        declared.update(spec.withGroups(Set.of("B"))); // follows B now, and is pushed its current state
        await().until(() -> client.saw("B", VrrsState.ACTIVE));
        assertThat(registry.clients().get(0).following()).containsExactly("B");
        int id = registry.clients().get(0).id();

        declared.update(new ClientSpec("PLUGINS", ClientPriority.LOW, false, spec.withGroups(Set.of("B")).groups()));
        assertThat(registry.clients()).singleElement().satisfies(c -> {
            assertThat(c.priority()).isEqualTo(ClientPriority.LOW);
            assertThat(c.id()).as("another priority is another client").isNotEqualTo(id);
        });

        declared.close();
        assertThat(registry.clients()).isEmpty();
        int seen = client.received.size();
        whiteboard.server(new Server(), new ServerSpec("VRRP", "C", "local", "eth2"));
        declared.close(); // idempotent
        assertThat(client.received).as("no callback after the declaration is gone").hasSize(seen);
    }

    @Test
    void aSecondServerForAGroupWaitsAndIsAttachedWhenTheFirstGoes() {
        Server first = new Server();
        Server second = new Server();
        Declaration<ServerSpec> one = whiteboard.server(first, new ServerSpec("VRRP", "G", "local", "eth0"));
        whiteboard.server(second, new ServerSpec("HSRP", "G", "local", "eth1"));
        assertThat(registry.group("G").orElseThrow().server()).isEqualTo("VRRP");
        assertThat(second.events).isEmpty();

        one.close();
        assertThat(first.events).containsExactly("attached G", "detached G");
        assertThat(second.events).containsExactly("attached G");
        assertThat(registry.group("G").orElseThrow().server()).isEqualTo("HSRP");
        assertThat(first.registration.update(VrrsDatabaseTest.update(VrrsState.BACKUP, 2)))
                .as("the first server's registration is closed").isFalse();
        assertThat(registry.group("G").orElseThrow().state()).isEqualTo(VrrsState.ACTIVE);
    }

    @Test
    void renamingAServerMovesItAndTheOldGroupIsLeftUnserved() {
        Server server = new Server();
        Client follower = new Client();
        whiteboard.client(follower, ClientSpec.following("F", ClientPriority.NORMAL, Set.of("OLD")));
        Declaration<ServerSpec> d = whiteboard.server(server, new ServerSpec("VRRP", "OLD", "local", "eth0"));
        d.update(new ServerSpec("VRRP", "NEW", "local", "eth0"));
        assertThat(server.events).containsExactly("attached OLD", "detached OLD", "attached NEW");
        assertThat(registry.group("NEW").orElseThrow().state()).isEqualTo(VrrsState.ACTIVE);
        assertThat(registry.group("OLD").orElseThrow().hasServer()).isFalse();
        await().until(() -> !follower.received.isEmpty()
                && !follower.received.get(follower.received.size() - 1).hasServer());
    }

    @Test
    void servicePropertiesAreReadThroughTheConverterAndBadOnesAreRefusedByName() {
        ClientSpec spec = ServiceProperties.client(Map.of(VrrsClient.NAME, "ACC", VrrsClient.PRIORITY, "LOW",
                VrrsClient.ALL_GROUPS, "true", VrrsClient.GROUPS, "ONE"));
        assertThat(spec).isEqualTo(new ClientSpec("ACC", ClientPriority.LOW, true, new java.util.TreeSet<>(Set.of("ONE"))));
        assertThat(ServiceProperties.client(Map.of(VrrsClient.NAME, "X", VrrsClient.GROUPS, List.of("B", "A")))
                .groups()).containsExactly("A", "B");
        assertThat(ServiceProperties.client(Map.of(VrrsClient.NAME, "X")).priority()).isEqualTo(ClientPriority.NORMAL);
        assertThatThrownBy(() -> ServiceProperties.client(Map.of(VrrsClient.PRIORITY, "high")))
                .hasMessage("service property vrrs.client.name is required");
        assertThatThrownBy(() -> ServiceProperties.client(Map.of(VrrsClient.NAME, "X", VrrsClient.PRIORITY, "urgent")))
                .hasMessage("unknown client priority 'urgent': expected high, normal or low");
        assertThat(ServiceProperties.server(Map.of(VrrsServer.PROTOCOL, "VRRP", VrrsServer.GROUP, "G",
                VrrsServer.NETWORK, "local", VrrsServer.INTERFACE, "GigabitEthernet0/0/0")))
                .isEqualTo(new ServerSpec("VRRP", "G", "local", "GigabitEthernet0/0/0"));
        assertThat(ServiceProperties.server(Map.of(VrrsServer.PROTOCOL, "VRRP", VrrsServer.INTERFACE, "eth0",
                VrrsServer.INSTANCE, 7)).publishes()).as("an FHRP group without a VRRS name").isFalse();
        assertThatThrownBy(() -> ServiceProperties.server(Map.of(VrrsServer.GROUP, "G")))
                .hasMessage("service property vrrs.server.protocol is required");
    }

    @Test
    void aServerThatPublishesNoGroupIsNeverAttached() {
        Server unnamed = new Server();
        whiteboard.server(unnamed, new ServerSpec("VRRP", "", "local", "eth0", "7"));
        assertThat(unnamed.events).isEmpty();
        assertThat(registry.groups()).isEmpty();
    }

    @Test
    void anInvalidGroupNameIsLoggedAndTheClientStillFollowsTheValidOnes() {
        Client client = new Client();
        whiteboard.client(client, ClientSpec.following("C", ClientPriority.NORMAL, Set.of("has space", "OK")));
        assertThat(registry.clients().get(0).following()).containsExactly("OK");
        await().until(() -> client.saw("OK", VrrsState.INIT));
    }

}
