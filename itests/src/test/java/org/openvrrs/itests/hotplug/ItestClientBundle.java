package org.openvrrs.itests.hotplug;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Constants;

/**
 * Builds the {@code ITEST-CLIENT} plug-in bundle with TinyBundles, on the test driver's side (TinyBundles is not in
 * the container): the bundle holds {@link ItestClientActivator} only and imports the VRRS API and the OSGi framework.
 */
public final class ItestClientBundle {
    public static final String SYMBOLIC_NAME = "org.openvrrs.itests.client";

    private ItestClientBundle() {
    }

    /** The bundle's bytes. */
    public static InputStream build() {
        return TinyBundles.bundle()
                .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                .setHeader(Constants.BUNDLE_SYMBOLICNAME, SYMBOLIC_NAME)
                .setHeader(Constants.BUNDLE_VERSION, "1.0.0")
                .setHeader(Constants.BUNDLE_NAME, "OpenVRRS :: itests :: hot-plugged VRRS client")
                .setHeader(Constants.BUNDLE_ACTIVATOR, ItestClientActivator.class.getName())
                .setHeader(Constants.IMPORT_PACKAGE, "org.openvrrs.vrrs.api;version=\"[2.0,3)\","
                        + "org.osgi.framework;version=\"[1.8,2)\"")
                .addClass(ItestClientActivator.class)
                .build(TinyBundles.rawBuilder());
    }

    /** Writes the bundle to {@code file} (replacing it) and returns the file. */
    public static Path writeTo(Path file) {
        try (InputStream in = build()) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
