package org.openvrrs.snmp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every instance this subagent serves at one moment, sorted as SNMP walks them, and the answers to Get, GetNext
 * and GetBulk over them (RFC 2741 7.2.3). Built fresh from the monitored services, read by one request at a time.
 */
final class MibView {
    private final NavigableMap<Oid, VarBind> instances;
    private final TreeSet<Oid> objects;

    private MibView(NavigableMap<Oid, VarBind> instances, TreeSet<Oid> objects) {
        this.instances = instances;
        this.objects = objects;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects instances; each column or scalar is declared once, with or without instances. */
    static final class Builder {
        private final NavigableMap<Oid, VarBind> instances = new TreeMap<>();
        private final TreeSet<Oid> objects = new TreeSet<>();

        /** Declares an object (table column or scalar) that exists even when it has no instance now. */
        Builder object(Oid object) {
            objects.add(object);
            return this;
        }

        /** Adds an instance of {@code object}. */
        Builder add(Oid object, VarBind value) {
            objects.add(object);
            instances.put(value.name(), value);
            return this;
        }

        MibView build() {
            return new MibView(instances, objects);
        }
    }

    int size() {
        return instances.size();
    }

    Map<Oid, VarBind> instances() {
        return instances;
    }

    /** Get: the instance, else noSuchInstance under a known object, else noSuchObject. */
    VarBind get(Oid name) {
        VarBind v = instances.get(name);
        if (v != null) {
            return v;
        }
        Oid object = objects.floor(name);
        boolean known = object != null && name.startsWith(object) && !name.equals(object);
        return VarBind.exception(name, known ? VarBind.NO_SUCH_INSTANCE : VarBind.NO_SUCH_OBJECT);
    }

    /** GetNext of one range: the first instance after (or at, when included) its start and before its end. */
    VarBind next(AgentxCodec.Range r) {
        Map.Entry<Oid, VarBind> e = r.include() ? instances.ceilingEntry(r.start()) : instances.higherEntry(r.start());
        if (e == null || (r.end() != null && !r.end().isNull() && e.getKey().compareTo(r.end()) >= 0)) {
            return VarBind.exception(r.start(), VarBind.END_OF_MIB_VIEW);
        }
        return e.getValue();
    }

    /** The variable bindings answering {@code pdu} (a Get, GetNext or GetBulk). */
    List<VarBind> answer(AgentxCodec.Pdu pdu) {
        List<AgentxCodec.Range> ranges = pdu.ranges();
        List<VarBind> out = new ArrayList<>();
        switch (pdu.header().type()) {
            case AgentxCodec.GET -> ranges.forEach(r -> out.add(get(r.start())));
            case AgentxCodec.GET_NEXT -> ranges.forEach(r -> out.add(next(r)));
            case AgentxCodec.GET_BULK -> bulk(pdu, out);
            default -> throw new IllegalArgumentException("not a read request: " + pdu.header().type());
        }
        return out;
    }

    /** GetBulk: the non-repeaters once, then the rest repeated, each from where its last answer ended. */
    private void bulk(AgentxCodec.Pdu pdu, List<VarBind> out) {
        List<AgentxCodec.Range> ranges = pdu.ranges();
        int nonRepeaters = Math.min(pdu.nonRepeaters(), ranges.size());
        for (int i = 0; i < nonRepeaters; i++) {
            out.add(next(ranges.get(i)));
        }
        List<AgentxCodec.Range> repeaters = new ArrayList<>(ranges.subList(nonRepeaters, ranges.size()));
        for (int rep = 0; rep < pdu.maxRepetitions() && !repeaters.isEmpty(); rep++) {
            boolean allEnded = true;
            for (int i = 0; i < repeaters.size(); i++) {
                AgentxCodec.Range r = repeaters.get(i);
                VarBind v = next(r);
                out.add(v);
                allEnded &= v.type() == VarBind.END_OF_MIB_VIEW;
                repeaters.set(i, new AgentxCodec.Range(v.name(), v.type() == VarBind.END_OF_MIB_VIEW, r.end()));
            }
            if (allEnded) {
                break;
            }
        }
    }
}
