package org.openvrrs.fhrp.vrrp.internal.track;

import java.util.concurrent.CompletableFuture;

/** One check of a polled track object (route, script, file), run off the protocol and tracker threads. */
@FunctionalInterface
interface Probe {
    /** Starts one check; its result may come on any thread. */
    Attempt start();

    /** What one check found. */
    record Result(boolean ok, long value, String detail) {
        static Result ok(String detail) {
            return new Result(true, 0, detail);
        }

        static Result failed(String detail) {
            return new Result(false, 0, detail);
        }
    }

    /** A running check: its result, and how to stop it (kill a script) when it takes too long. */
    record Attempt(CompletableFuture<Result> result, Runnable cancel) {
        static Attempt done(Result r) {
            return new Attempt(CompletableFuture.completedFuture(r), () -> { });
        }
    }
}
