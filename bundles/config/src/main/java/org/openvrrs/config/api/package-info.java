/**
 * The one configuration model of OpenVRRS.
 *
 * <p>A bundle declares each PID's configuration as a metatype {@code @ObjectClassDefinition} annotation interface
 * (with its defaults) and reads it through a {@link org.openvrrs.config.api.ConfigReader}: strictly (a wrong type, an
 * unknown enum value, a missing required key or an unknown key is refused with one line naming the file, the key and
 * the value), then through the bundle's own validator. DS components keep their configuration in a
 * {@link org.openvrrs.config.api.LiveConfig}, which logs a refused file at ERROR and keeps the last good
 * configuration. Shell commands (and any other front end) change configuration only through a
 * {@link org.openvrrs.config.api.ConfigWriter}, which validates the same way before anything reaches Config Admin.
 */
@Export
@Version("1.1.0")
package org.openvrrs.config.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
