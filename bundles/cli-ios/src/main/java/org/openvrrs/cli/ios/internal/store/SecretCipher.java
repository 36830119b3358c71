package org.openvrrs.cli.ios.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openvrrs.cli.ios.internal.SecretCodec;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IOS type 6 style secrets: what follows {@code key 6 } in the running and saved configuration. A secret is
 * encrypted with AES-256-GCM under a key of this appliance ({@code etc/openvrrs.key}, 0600, generated on first use,
 * never logged), so a configuration file shows no secret in clear and only this appliance can read it back.
 *
 * <p>The nonce is derived from the secret (HMAC-SHA256 under a second key, as in SIV modes) rather than random, so
 * one secret always prints as the same string: {@code show running-config} is stable and two saved configurations
 * differ only where the configuration does. The price is that equal secrets print equal, which tells nothing of
 * their value. The string is base64url of {@code version (1) | key id (4) | nonce (12) | ciphertext and tag}; the key
 * id tells another appliance's string from a damaged one.
 *
 * <p>Errors are one line to print as it is: an {@link IllegalArgumentException} for the string given (empty, not type
 * 6, another appliance's), an {@link IllegalStateException} when the appliance key cannot be read or written. The key
 * is read once: a key file restored from a backup is used from the next start.
 */
@Component(service = SecretCodec.class)
public final class SecretCipher implements SecretCodec {
    /** The key file, in the Karaf home's etc folder. */
    public static final String KEY_FILE = "openvrrs.key";
    private static final Logger LOG = LoggerFactory.getLogger(SecretCipher.class);
    private static final byte VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int ID_BYTES = 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern CLEAR_SECRET = Pattern.compile(
            "(?i)\\b(key|password|secret|text)\\s+(?!6\\s+\\S+\\s*$)\\S.*$");
    private static final byte[] AAD = "openvrrs type 6".getBytes(StandardCharsets.US_ASCII);

    private final Path keyFile;
    private Keys keys; // loaded or made on first use

    @Activate
    public SecretCipher(BundleContext context) {
        this(StoreFiles.etcFolder(context).resolve(KEY_FILE));
    }

    /** A cipher whose key is (or, on first encryption, will be) {@code keyFile}. */
    public SecretCipher(Path keyFile) {
        this.keyFile = keyFile;
    }

    /** The string printed after {@code key 6 } for {@code clear}; makes the appliance's key if it has none. */
    @Override
    public String encrypt(String clear) {
        if (clear == null || clear.isEmpty()) {
            throw new IllegalArgumentException("% An empty key cannot be encrypted");
        }
        Keys k = keys(true);
        byte[] plain = clear.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] nonce = Arrays.copyOf(k.hmac(plain), NONCE_BYTES);
            byte[] sealed = k.gcm(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(1 + ID_BYTES + NONCE_BYTES + sealed.length);
            out.put(VERSION).put(k.id).put(nonce).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("% Type 6 encryption failed: " + e.getMessage());
        }
    }

    /** The clear secret of a string {@link #encrypt} made on this appliance; refuses any other in one line. */
    @Override
    public String decrypt(String type6) {
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(type6 == null ? "" : type6.trim());
        } catch (IllegalArgumentException e) {
            throw notType6();
        }
        if (data.length < 1 + ID_BYTES + NONCE_BYTES + TAG_BITS / 8 || data[0] != VERSION) {
            throw notType6();
        }
        Keys k = keys(false);
        if (k == null || !MessageDigest.isEqual(k.id, Arrays.copyOfRange(data, 1, 1 + ID_BYTES))) {
            throw new IllegalArgumentException(
                    "% Invalid encrypted key: it was encrypted by another appliance (re-enter the key in clear)");
        }
        byte[] nonce = Arrays.copyOfRange(data, 1 + ID_BYTES, 1 + ID_BYTES + NONCE_BYTES);
        try {
            byte[] plain = k.gcm(Cipher.DECRYPT_MODE, nonce).doFinal(data, 1 + ID_BYTES + NONCE_BYTES,
                    data.length - 1 - ID_BYTES - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw notType6();
        }
    }

    /**
     * {@code line} with what follows {@code key}, {@code password}, {@code secret} or {@code text} hidden, unless it
     * is a type 6 string: for a line that goes to a log or a refusal and may hold a secret in clear (a refused line of
     * a file edited by hand). {@code key 0 X}, {@code key 7 X} and {@code key X} all become {@code key <hidden>}.
     */
    public static String redact(String line) {
        return CLEAR_SECRET.matcher(line).replaceAll("$1 <hidden>");
    }

    private static IllegalArgumentException notType6() {
        return new IllegalArgumentException("% Invalid encrypted key: not a type 6 string of this appliance");
    }

    private synchronized Keys keys(boolean create) {
        if (keys != null) {
            return keys;
        }
        try {
            if (Files.exists(keyFile)) {
                keys = Keys.of(readKey());
            } else if (create) {
                keys = Keys.of(writeNewKey());
            }
            return keys;
        } catch (IOException e) {
            throw new IllegalStateException("% Cannot use the appliance key " + keyFile + ": " + e.getMessage());
        }
    }

    private byte[] readKey() throws IOException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IOException("not a key this appliance wrote (" + KEY_BYTES + " bytes in base64)");
        }
        warnIfOthersMayRead();
        return key;
    }

    private void warnIfOthersMayRead() throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(keyFile);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                LOG.warn("{} may be read by others ({}): whoever reads it reads every key 6 secret; chmod 600 it",
                        keyFile, PosixFilePermissions.toString(mode));
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }

    private byte[] writeNewKey() throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
        StoreFiles.createOwnerOnly(tmp);
        StoreFiles.writeSynced(tmp, List.of(Base64.getEncoder().encodeToString(key)));
        StoreFiles.moveAtomically(tmp, keyFile);
        return key;
    }

    /** The encryption key and the nonce key, both derived from the appliance key, and the key's id. */
    private record Keys(SecretKeySpec aes, SecretKeySpec nonce, byte[] id) {
        static Keys of(byte[] master) {
            try {
                return new Keys(new SecretKeySpec(derive(master, "encryption"), "AES"),
                        new SecretKeySpec(derive(master, "nonce"), "HmacSHA256"),
                        Arrays.copyOf(derive(master, "key id"), ID_BYTES));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("% Type 6 keys unavailable: " + e.getMessage());
            }
        }

        private static byte[] derive(byte[] master, String purpose) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        }

        byte[] hmac(byte[] data) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(nonce);
            return mac.doFinal(data);
        }

        Cipher gcm(int mode, byte[] iv) throws GeneralSecurityException {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, aes, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(AAD);
            return c;
        }
    }
}
