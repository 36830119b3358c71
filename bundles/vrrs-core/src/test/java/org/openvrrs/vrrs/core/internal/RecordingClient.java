package org.openvrrs.vrrs.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsClient;

/** A client that records what it is pushed and checks it is never called twice at once. */
class RecordingClient implements VrrsClient {
    final List<GroupState> received = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();

    @Override
    public void groupChanged(GroupState state) {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            onState(state);
            received.add(state);
        } finally {
            running.decrementAndGet();
        }
    }

    /** Override to slow down or fail. */
    void onState(GroupState state) {
    }

    GroupState last() {
        return received.isEmpty() ? null : received.get(received.size() - 1);
    }

    List<GroupState> of(String group) {
        return received.stream().filter(s -> s.group().equals(group)).toList();
    }
}
