package org.openvrrs.cli.ios.internal.store;

import java.util.ArrayList;
import java.util.List;
import org.openvrrs.cli.ios.internal.RunningConfiguration;

/**
 * A running configuration in memory that keeps its state across a "restart" of the store, as Config Admin does:
 * lines as they were added; {@code no LINE} removes one; a line starting with {@code bogus} is refused. The RADIUS
 * key is held in clear, as the accounting plug-in's configuration holds it, and printed as the front end must print
 * it: {@code key 6 } and the cipher's string; {@code key 6 X} and {@code key X} set it.
 */
final class FakeRunningConfiguration implements RunningConfiguration {
    private static final String KEY6 = " key 6 ";
    private final SecretCipher cipher;
    private List<String> config = new ArrayList<>();
    private String radiusKey;
    private int replaces;

    FakeRunningConfiguration(SecretCipher cipher) {
        this.cipher = cipher;
    }

    String radiusKey() {
        return radiusKey;
    }

    synchronized int replaces() {
        return replaces;
    }

    @Override
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>(config);
        if (radiusKey != null) {
            out.add("radius server r1");
            out.add(KEY6 + cipher.encrypt(radiusKey));
        }
        return out;
    }

    @Override
    public synchronized ApplyResult merge(List<String> lines) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String error = apply(lines.get(i));
            if (error != null) {
                errors.add("% Invalid input detected at line " + (i + 1) + ": " + error);
            }
        }
        return new ApplyResult(errors);
    }

    @Override
    public synchronized ApplyResult replace(List<String> lines) {
        replaces++;
        List<String> saved = config;
        String savedKey = radiusKey;
        config = new ArrayList<>();
        radiusKey = null;
        ApplyResult result = merge(lines);
        if (!result.ok()) {
            config = saved;
            radiusKey = savedKey;
        }
        return result;
    }

    private String apply(String line) {
        if (line.isBlank() || line.equals("radius server r1")) {
            return null;
        }
        if (line.startsWith("bogus")) {
            return line;
        }
        if (line.startsWith(KEY6)) {
            try {
                radiusKey = cipher.decrypt(line.substring(KEY6.length()));
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        if (line.startsWith(" key ")) {
            radiusKey = line.substring(" key ".length());
        } else if (line.startsWith("no ")) {
            config.remove(line.substring(3));
        } else if (!config.contains(line)) {
            config.add(line);
        }
        return null;
    }
}
