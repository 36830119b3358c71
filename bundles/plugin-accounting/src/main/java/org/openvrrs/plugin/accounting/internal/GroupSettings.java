package org.openvrrs.plugin.accounting.internal;

import java.time.Duration;

/**
 * Per VRRS group accounting settings ({@code vrrs NAME}: {@code accounting delay}, {@code accounting method},
 * {@code attribute list}). A group without its own settings uses {@link #defaults}.
 *
 * @param methodList    a method list name, {@value AccountingModel#DEFAULT_LIST} for the default one
 * @param attributeList an attribute list name, or empty for none
 */
public record GroupSettings(String group, Duration delay, String methodList, String attributeList) {
    public static GroupSettings defaults(String group) {
        return new GroupSettings(group, Duration.ZERO, AccountingModel.DEFAULT_LIST, "");
    }
}
