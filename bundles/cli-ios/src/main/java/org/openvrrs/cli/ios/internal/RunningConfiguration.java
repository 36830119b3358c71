package org.openvrrs.cli.ios.internal;

import java.util.List;

/**
 * The appliance's configuration as IOS lines: what {@code show running-config} prints and what pasting applies.
 * Implemented by the command front end (it owns the grammar); used by the configuration store (startup
 * configuration, archive, replace and rollback), which never parses IOS lines itself.
 */
public interface RunningConfiguration {

    /**
     * The running configuration as IOS lines, without the "Building configuration..." header and without "end":
     * applied to a freshly started appliance they rebuild the same state. Secrets appear only as type 6 ciphertext.
     */
    List<String> lines();

    /** Applies the lines as if typed in global configuration mode, one by one; a refused line changes nothing. */
    ApplyResult merge(List<String> lines);

    /**
     * Makes the configuration exactly what the lines say, all or nothing: on any refused line the configuration
     * before the call is restored and the refusals are returned.
     */
    ApplyResult replace(List<String> lines);

    /** What applying lines gave: each refused line as IOS prints it in batch mode, with its line number. */
    record ApplyResult(List<String> errors) {
        public ApplyResult {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }
}
