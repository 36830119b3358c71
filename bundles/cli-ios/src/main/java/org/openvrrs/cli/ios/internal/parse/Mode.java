package org.openvrrs.cli.ios.internal.parse;

/**
 * The IOS command modes, each with its prompt suffix and the mode a command not found in it is tried in next (IOS
 * runs a global configuration command typed in interface mode, and leaves interface mode).
 */
public enum Mode {
    EXEC("", null),
    CONFIG("(config)", null),
    INTERFACE("(config-if)", CONFIG),
    SUBINTERFACE("(config-subif)", CONFIG),
    VRRP_AF("(config-if-vrrp)", null),
    ATTRIBUTE_LIST("(config-attr-list)", CONFIG),
    VRRS("(config-vrrs)", CONFIG),
    RADIUS_SERVER("(config-radius-server)", CONFIG),
    SERVER_GROUP("(config-sg-radius)", CONFIG);

    private final String suffix;
    private final Mode fallback;

    Mode(String suffix, Mode fallback) {
        this.suffix = suffix;
        this.fallback = fallback;
    }

    public String promptSuffix() {
        return suffix;
    }

    /** Where a command not found here is looked for; null for EXEC and CONFIG. */
    public Mode fallback() {
        return this == VRRP_AF ? INTERFACE : fallback;
    }

    public boolean isConfig() {
        return this != EXEC;
    }
}
