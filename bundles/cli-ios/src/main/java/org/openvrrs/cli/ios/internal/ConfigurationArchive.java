package org.openvrrs.cli.ios.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The startup configuration, the archive of saved configurations and the timed rollback: IOS's
 * {@code write memory}, {@code copy}, {@code configure replace} and {@code configure confirm}. The IOS commands
 * call this; it works on {@link RunningConfiguration} and never parses IOS lines itself.
 */
public interface ConfigurationArchive {

    /** {@code copy running-config startup-config} / {@code write memory}: saves, and keeps the previous one in the archive. */
    void save() throws IOException;

    /** {@code show startup-config}: the saved lines, empty when nothing was saved. */
    List<String> startupLines() throws IOException;

    /** {@code show archive}: the saved configurations kept, newest last, one line each (name, time). */
    List<String> archiveListing() throws IOException;

    /** {@code copy FILE running-config}: merges a file (a path, or an archive entry's name). */
    RunningConfiguration.ApplyResult mergeFile(String file) throws IOException;

    /**
     * {@code configure replace FILE [time MIN]}: all or nothing. With a time, the change is rolled back by itself
     * after that long unless {@link #confirm()} is called first.
     */
    RunningConfiguration.ApplyResult replaceWith(String file, Duration rollbackAfter) throws IOException;

    /** {@code configure confirm}: keeps the configuration of a timed replace; false when none is pending. */
    boolean confirm();
}
