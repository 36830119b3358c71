package org.openvrrs.fhrp.vrrp.internal.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.ip;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.ips;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class VrrpStatisticsTest {

    @Test
    void routerWideCountersFollowTheirReasons() {
        VrrpStatistics stats = new VrrpStatistics();

        stats.drop(DropReason.CHECKSUM);
        stats.drop(DropReason.CHECKSUM);
        stats.drop(DropReason.VERSION);
        stats.drop(DropReason.VRID);
        stats.drop(DropReason.TTL, null);

        assertThat(stats.checksumErrors()).isEqualTo(2);
        assertThat(stats.versionErrors()).isEqualTo(1);
        assertThat(stats.vrIdErrors()).isEqualTo(1);
        assertThat(stats.drops(DropReason.TTL)).isEqualTo(1);
        assertThat(stats.drops(DropReason.MALFORMED)).isZero();
        assertThat(stats.totalDrops()).isEqualTo(5);
        assertThat(stats.dropCounts()).containsEntry(DropReason.CHECKSUM, 2L).containsEntry(DropReason.LENGTH, 0L);
        assertThat(stats.toString()).contains("checksumErrors=2");
    }

    @Test
    void protoErrReasonKeepsTheLastError() {
        GroupStatistics group = new GroupStatistics();
        assertThat(group.protoErrReason()).isEqualTo(ProtoErrReason.NO_ERROR);

        group.drop(DropReason.TTL);
        assertThat(group.protoErrReason()).isEqualTo(ProtoErrReason.IP_TTL_ERROR);
        group.drop(DropReason.CHECKSUM);
        assertThat(group.protoErrReason()).isEqualTo(ProtoErrReason.CHECKSUM_ERROR);
        group.drop(DropReason.VERSION);
        assertThat(group.protoErrReason()).isEqualTo(ProtoErrReason.VERSION_ERROR);
        group.drop(DropReason.VRID);
        assertThat(group.protoErrReason()).isEqualTo(ProtoErrReason.VR_ID_ERROR);
        group.drop(DropReason.MALFORMED);
        assertThat(group.protoErrReason()).isEqualTo(ProtoErrReason.VR_ID_ERROR);
        assertThat(group.ipTtlErrors()).isEqualTo(1);
    }

    @Test
    void masterTransitionsAndReason() {
        GroupStatistics group = new GroupStatistics();
        assertThat(group.newMasterReason()).isEqualTo(NewMasterReason.NOT_MASTER);

        group.becameMaster(NewMasterReason.PRIORITY);
        group.leftMaster();
        group.becameMaster(NewMasterReason.MASTER_NO_RESPONSE);

        assertThat(group.masterTransitions()).isEqualTo(2);
        assertThat(group.newMasterReason()).isEqualTo(NewMasterReason.MASTER_NO_RESPONSE);
        group.leftMaster();
        assertThat(group.newMasterReason()).isEqualTo(NewMasterReason.NOT_MASTER);
        assertThatThrownBy(() -> group.becameMaster(NewMasterReason.NOT_MASTER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receivedAndSentAdverts() {
        GroupStatistics group = new GroupStatistics();
        VrrpAdvert v4 = VrrpAdvert.v3(1, 100, ip("192.0.2.2"), ips("192.0.2.1"), 100);
        VrrpAdvert v6 = VrrpAdvert.v3(1, 0, ip("fe80::2"), ips("fe80::1"), 100);

        group.received(v4);
        group.received(v4.withChecksumKind(ChecksumKind.VRRP_ONLY).withPriority(0));
        group.received(v4.withChecksumKind(ChecksumKind.VRRP_ONLY));
        group.received(v6);
        group.sent(100);
        group.sent(0);
        group.advIntervalError();
        group.addressListError();

        assertThat(group.rcvdAdvertisements()).isEqualTo(4);
        assertThat(group.rcvdPriZeroPackets()).isEqualTo(2);
        assertThat(group.rcvdPseudoHeaderChecksums()).isEqualTo(1);
        assertThat(group.rcvdVrrpOnlyChecksums()).isEqualTo(2);
        assertThat(group.sentAdvertisements()).isEqualTo(2);
        assertThat(group.sentPriZeroPackets()).isEqualTo(1);
        assertThat(group.advIntervalErrors()).isEqualTo(1);
        assertThat(group.addressListErrors()).isEqualTo(1);
        assertThat(group.toString()).contains("rcvdAdvertisements=4");
    }

    @Test
    void countsFromManyThreads() throws InterruptedException {
        VrrpStatistics stats = new VrrpStatistics();
        GroupStatistics group = new GroupStatistics();
        int threads = 4;
        int perThread = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    stats.drop(DropReason.CHECKSUM, group);
                    group.sent(i & 1);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(stats.checksumErrors()).isEqualTo((long) threads * perThread);
        assertThat(stats.drops(DropReason.CHECKSUM)).isEqualTo((long) threads * perThread);
        assertThat(group.sentAdvertisements()).isEqualTo((long) threads * perThread);
        assertThat(group.sentPriZeroPackets()).isEqualTo((long) threads * perThread / 2);
    }
}
