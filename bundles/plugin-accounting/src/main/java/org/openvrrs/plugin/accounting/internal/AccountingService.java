package org.openvrrs.plugin.accounting.internal;

/** What the shell commands ask the running plug-in (an internal service of this bundle). */
public interface AccountingService {
    AccountingStatus status();

    AccountingModel model();
}
