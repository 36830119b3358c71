package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openvrrs.fhrp.vrrp.internal.packet.DecodeResult;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/** Decode + validate and encode of one VRRPv3 advertisement, IPv4 and IPv6: the per-packet cost of the fast path. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VrrpCodecBenchmark {
    private byte[] v4Frame;
    private byte[] v6Frame;
    private VrrpAdvert v4Advert;
    private final byte[] buffer = new byte[256];
    private final MacAddress vmac = MacAddress.vrrp(AddressFamily.IPV4, 1);

    @Setup
    public void setUp() throws Exception {
        v4Advert = VrrpAdvert.v3(1, 100, InetAddress.getByName("192.0.2.2"),
                List.of(InetAddress.getByName("192.0.2.1")), 100);
        v4Frame = VrrpCodec.encodeFrame(v4Advert, vmac, Ipv4ChecksumMode.PSEUDO_HEADER);
        VrrpAdvert v6 = VrrpAdvert.v3(1, 100, InetAddress.getByName("fe80::2"),
                List.of(InetAddress.getByName("fe80::1"), InetAddress.getByName("2001:db8::1")), 100);
        v6Frame = VrrpCodec.encodeFrame(v6, MacAddress.vrrp(AddressFamily.IPV6, 1), Ipv4ChecksumMode.PSEUDO_HEADER);
    }

    @Benchmark
    public DecodeResult decodeIpv4() {
        return VrrpCodec.decodeFrame(v4Frame);
    }

    @Benchmark
    public DecodeResult decodeIpv6() {
        return VrrpCodec.decodeFrame(v6Frame);
    }

    @Benchmark
    public int encodeIpv4() {
        return VrrpCodec.encodeInto(buffer, v4Advert, vmac, Ipv4ChecksumMode.PSEUDO_HEADER);
    }
}
