package org.openvrrs.cli.ios.internal.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;

/**
 * The store's files: {@code etc/startup-config}, the archive {@code etc/archive/startup-config-N} of the startup
 * configurations a save replaced (the last {@link #ARCHIVE_KEEP}, numbered on, each with the time it was saved as
 * its modification time), and the files an operator may name to {@code copy} or {@code configure replace}. Every
 * write is atomic: a temporary file, fsync, rename, fsync of the folder; so a crash leaves the old file or the new.
 *
 * <p>Errors are {@link IOException}s whose message is one line, as IOS prints it ({@code %Error opening ...}).
 */
final class StoreFiles {
    static final String STARTUP = "startup-config";
    static final String ARCHIVE = "archive";
    static final int ARCHIVE_KEEP = 10;
    /** IOS's names: {@code nvram:startup-config}, and {@code flash:NAME} for a file in etc. */
    private static final String NVRAM = "nvram:";
    private static final String FLASH = "flash:";
    private static final Pattern ENTRY = Pattern.compile(Pattern.quote(STARTUP) + "-([0-9]{1,9})");
    /** Karaf's and the key's files: they hold no IOS lines, and some hold passwords a refusal would echo. */
    private static final List<String> NOT_CONFIGURATIONS = List.of(".cfg", ".config", ".json", ".properties",
            ".xml", ".key", ".tmp");

    private final Path home;
    private final Path etc;
    private final Path startup;
    private final Path archive;

    /** @param home the Karaf home, relative paths are read from it; @param etc its etc folder */
    StoreFiles(Path home, Path etc) {
        this.home = home.toAbsolutePath().normalize();
        this.etc = etc.toAbsolutePath().normalize();
        this.startup = this.etc.resolve(STARTUP);
        this.archive = this.etc.resolve(ARCHIVE);
    }

    static Path homeFolder(BundleContext context) {
        String home = context.getProperty("karaf.home");
        return Path.of(home == null ? "." : home);
    }

    static Path etcFolder(BundleContext context) {
        String etc = context.getProperty("karaf.etc");
        return etc == null ? homeFolder(context).resolve("etc") : Path.of(etc);
    }

    Path startupPath() {
        return startup;
    }

    boolean startupExists() {
        return Files.isRegularFile(startup);
    }

    /** The saved lines, empty when nothing was saved. */
    List<String> startupLines() throws IOException {
        return startupExists() ? read(startup) : List.of();
    }

    /** Writes the startup configuration, keeping the one it replaces in the archive. */
    void saveStartup(List<String> lines, Instant time) throws IOException {
        Path tmp = startup.resolveSibling(STARTUP + ".tmp");
        try {
            createOwnerOnly(tmp);
            writeSynced(tmp, lines);
            Files.setLastModifiedTime(tmp, FileTime.from(time));
            if (startupExists()) {
                Files.createDirectories(archive);
                Path entry = archive.resolve(STARTUP + "-" + (lastNumber() + 1));
                Path copy = archive.resolve(entry.getFileName() + ".tmp");
                Files.copy(startup, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                fsync(copy);
                moveAtomically(copy, entry);
            }
            moveAtomically(tmp, startup);
        } catch (IOException e) {
            throw new IOException("%Error writing " + shown(startup) + " (" + reason(e) + ")", e);
        }
        rotate();
    }

    /** The archive, oldest first. */
    List<Entry> archive() throws IOException {
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(archive)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = ENTRY.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    entries.add(new Entry(p.getFileName().toString(), Integer.parseInt(m.group(1)),
                            Files.getLastModifiedTime(p).toInstant()));
                }
            }
        }
        entries.sort(Comparator.comparingInt(Entry::number));
        return entries;
    }

    /**
     * The lines of the file an operator named: an archive entry ({@code startup-config-3}), {@code startup-config}
     * (or {@code nvram:startup-config}), {@code flash:NAME} (etc/NAME), or a path (relative to the Karaf home, or
     * absolute) to a file in etc or the archive, which is not one of Karaf's own files or the appliance key.
     */
    List<String> readNamed(String name) throws IOException {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            throw new IOException("%Error opening (no file name given)");
        }
        Path file;
        try {
            file = resolve(n);
        } catch (InvalidPathException e) {
            throw new IOException("%Error opening " + n + " (invalid file name)", e);
        }
        if (!allowed(file)) {
            throw new IOException("%Error opening " + n + " (Permission denied: only configuration files in "
                    + shown(etc) + " and " + shown(archive) + " may be read)");
        }
        try {
            return read(file);
        } catch (IOException e) {
            throw new IOException("%Error opening " + n + " (" + reason(e) + ")", e);
        }
    }

    private Path resolve(String name) {
        if (name.equals(STARTUP) || name.equals(NVRAM + STARTUP)) {
            return startup;
        }
        if (ENTRY.matcher(name).matches()) {
            return archive.resolve(name);
        }
        if (name.startsWith(FLASH)) {
            return etc.resolve(name.substring(FLASH.length())).normalize();
        }
        return home.resolve(name).normalize();
    }

    private boolean allowed(Path file) throws IOException {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!file.startsWith(etc) || NOT_CONFIGURATIONS.stream().anyMatch(fileName::endsWith)) {
            return false;
        }
        // A link may point anywhere: judge where it leads.
        return !Files.exists(file) || file.toRealPath().startsWith(etc.toRealPath());
    }

    /** Removes the oldest archive entries beyond {@link #ARCHIVE_KEEP}. */
    private void rotate() throws IOException {
        List<Entry> entries = archive();
        for (int i = 0; i < entries.size() - ARCHIVE_KEEP; i++) {
            Files.deleteIfExists(archive.resolve(entries.get(i).name()));
        }
    }

    private int lastNumber() throws IOException {
        List<Entry> entries = archive();
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).number();
    }

    /** A path as messages show it: relative to the Karaf home when inside it. */
    String shown(Path p) {
        return p.startsWith(home) ? home.relativize(p).toString() : p.toString();
    }

    private static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof MalformedInputException) {
            return "not a text file";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason(); // without the absolute path the message would repeat
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Creates {@code file} empty (replacing a leftover), readable and writable by the owner only: the key, and the
     * saved configurations, which say how the network is built and which secrets are equal.
     */
    static void createOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: its own access rules apply
        }
    }

    /** Writes {@code lines} to {@code file} and forces them to the disk. */
    static void writeSynced(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        fsync(file);
    }

    /** Renames {@code from} to {@code to} in one step and forces the folder's entry to the disk. */
    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            fsync(to.toAbsolutePath().getParent());
        } catch (IOException e) {
            // some file systems cannot sync a folder; the rename itself is done
        }
    }

    private static void fsync(Path p) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    /** An archive entry: its name, its number and when it was saved. */
    record Entry(String name, int number, Instant saved) {
    }
}
