package org.openvrrs.vrrs.core.internal;

import static org.openvrrs.vrrs.api.VrrsRegistry.MAX_NAME_LENGTH;

/** Validation of the names operators and bundles give the registry, with messages fit for a console. */
final class Names {
    private Names() {
    }

    /** Group names: 1-64 visible ASCII characters, no spaces (they are typed as one shell word). */
    static String group(String name) {
        String n = check("group", name);
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("group name '" + n + "' may contain only visible characters, no spaces");
            }
        }
        return n;
    }

    /** Client names and server protocols: 1-64 printable ASCII characters; inner spaces allowed. */
    static String label(String what, String name) {
        String n = check(what, name);
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < ' ' || c > '~') {
                throw new IllegalArgumentException(what + " name '" + n + "' may contain only printable characters");
            }
        }
        return n;
    }

    private static String check(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " name is empty");
        }
        String n = name.trim();
        if (n.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " name is " + n.length() + " characters long; the limit is "
                    + MAX_NAME_LENGTH);
        }
        return n;
    }
}
