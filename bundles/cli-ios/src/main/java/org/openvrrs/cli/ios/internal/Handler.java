package org.openvrrs.cli.ios.internal;

import org.openvrrs.cli.ios.internal.parse.Args;

/** What an IOS command does, in the session it was typed in. */
@FunctionalInterface
public interface Handler {
    void run(CliSession session, Args args) throws Exception;
}
