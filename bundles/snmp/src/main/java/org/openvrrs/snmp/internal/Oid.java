package org.openvrrs.snmp.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An SNMP object identifier, ordered lexicographically as SNMP walks them; immutable. */
record Oid(int[] arcs) implements Comparable<Oid> {
    static final Oid NULL = new Oid(new int[0]);

    Oid {
        arcs = arcs.clone();
    }

    /** Parses dotted numbers ({@code 1.3.6.1}); throws IllegalArgumentException on anything else. */
    static Oid parse(String dotted) {
        String s = dotted.startsWith(".") ? dotted.substring(1) : dotted;
        if (s.isEmpty()) {
            return NULL;
        }
        return new Oid(Arrays.stream(s.split("\\.")).mapToInt(p -> (int) Long.parseLong(p)).toArray());
    }

    static Oid of(int... arcs) {
        return new Oid(arcs);
    }

    Oid append(int... more) {
        int[] a = Arrays.copyOf(arcs, arcs.length + more.length);
        System.arraycopy(more, 0, a, arcs.length, more.length);
        return new Oid(a);
    }

    Oid append(Oid more) {
        return append(more.arcs);
    }

    int size() {
        return arcs.length;
    }

    int arc(int i) {
        return arcs[i];
    }

    boolean isNull() {
        return arcs.length == 0;
    }

    boolean startsWith(Oid prefix) {
        return prefix.arcs.length <= arcs.length
                && Arrays.equals(arcs, 0, prefix.arcs.length, prefix.arcs, 0, prefix.arcs.length);
    }

    @Override
    public int compareTo(Oid o) {
        return Arrays.compareUnsigned(arcs, o.arcs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Oid other && Arrays.equals(arcs, other.arcs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(arcs);
    }

    @Override
    public String toString() {
        return Arrays.stream(arcs).mapToObj(Integer::toUnsignedString).collect(Collectors.joining("."));
    }
}
