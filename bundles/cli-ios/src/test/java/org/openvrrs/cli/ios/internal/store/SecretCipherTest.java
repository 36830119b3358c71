package org.openvrrs.cli.ios.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.config.test.LogCapture;

class SecretCipherTest {
    @TempDir
    Path dir;

    private SecretCipher cipher(String appliance) throws Exception {
        return new SecretCipher(Files.createDirectories(dir.resolve(appliance)).resolve(SecretCipher.KEY_FILE));
    }

    @Test
    void aSecretComesBackFromItsType6StringOnTheSameAppliance() throws Exception {
        SecretCipher cipher = cipher("a");

        String type6 = cipher.encrypt("Sup3r secret, with spaces and é");

        assertThat(type6).matches("[A-Za-z0-9_-]+").doesNotContain("Sup3r");
        assertThat(cipher.decrypt(type6)).isEqualTo("Sup3r secret, with spaces and é");
        // the same appliance after a restart: a new object on the same key file
        assertThat(cipher("a").decrypt(type6)).isEqualTo("Sup3r secret, with spaces and é");
    }

    @Test
    void oneSecretAlwaysPrintsTheSameSoTheRunningConfigurationIsStable() throws Exception {
        SecretCipher cipher = cipher("a");

        assertThat(cipher.encrypt("k1")).isEqualTo(cipher.encrypt("k1")).isNotEqualTo(cipher.encrypt("k2"));
    }

    @Test
    void theKeyIsMadeOnFirstUseReadableByItsOwnerOnly() throws Exception {
        Path keyFile = dir.resolve("a").resolve(SecretCipher.KEY_FILE);
        SecretCipher cipher = cipher("a");
        assertThat(keyFile).doesNotExist();

        cipher.encrypt("k1");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).trim())).hasSize(32);
        assertThat(keyFile.resolveSibling(SecretCipher.KEY_FILE + ".tmp")).doesNotExist();
    }

    @Test
    void anotherAppliancesStringIsRefusedInOneLine() throws Exception {
        String theirs = cipher("b").encrypt("their key");

        assertThatThrownBy(() -> cipher("a").decrypt(theirs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("% Invalid encrypted key: it was encrypted by another appliance (re-enter the key in "
                        + "clear)");
        cipher("a").encrypt("now a has a key");
        assertThatThrownBy(() -> cipher("a").decrypt(theirs)).hasMessageContaining("another appliance");
    }

    @Test
    void aDamagedOrForeignStringIsRefusedInOneLine() throws Exception {
        SecretCipher cipher = cipher("a");
        String type6 = cipher.encrypt("k1");
        char last = type6.charAt(type6.length() - 5);
        String damaged = type6.substring(0, type6.length() - 5) + (last == 'A' ? 'B' : 'A') + type6.substring(
                type6.length() - 4);

        for (String bad : new String[] {damaged, "ZdV]GXZ^PbEAJSREeGVWXhEAAB", "", "abc"}) {
            assertThatThrownBy(() -> cipher.decrypt(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("% Invalid encrypted key: not a type 6 string of this appliance");
        }
    }

    @Test
    void aLineForALogShowsNoSecretInClear() {
        assertThat(SecretCipher.redact(" key Clear-1")).isEqualTo(" key <hidden>");
        assertThat(SecretCipher.redact("% Invalid input detected at line 3: key 0 Clear 1"))
                .isEqualTo("% Invalid input detected at line 3: key <hidden>");
        assertThat(SecretCipher.redact("radius-server host 192.0.2.5 KEY 7 0822455D0A16"))
                .isEqualTo("radius-server host 192.0.2.5 KEY <hidden>");
        assertThat(SecretCipher.redact(" vrrp 1 authentication text cisco")).doesNotContain("cisco");
        assertThat(SecretCipher.redact(" key 6 AbC-_9")).isEqualTo(" key 6 AbC-_9");
        assertThat(SecretCipher.redact("monkey business")).isEqualTo("monkey business");
    }

    @Test
    void aKeyFileOthersMayReadIsOneWarningAndStillUsed() throws Exception {
        String type6 = cipher("a").encrypt("k1");
        Path keyFile = dir.resolve("a").resolve(SecretCipher.KEY_FILE);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        String key = Files.readString(keyFile).trim();

        List<String> log = LogCapture.of(() -> assertThat(cipher("a").decrypt(type6)).isEqualTo("k1"));

        assertThat(log).singleElement().satisfies(l -> assertThat(l).contains("WARN").endsWith(
                keyFile + " may be read by others (rw-r--r--): whoever reads it reads every key 6 secret; chmod 600 "
                        + "it").doesNotContain(key));
    }

    @Test
    void aKeyFileThatIsNotAKeyIsOneLineAndNotOverwritten() throws Exception {
        Path keyFile = Files.createDirectories(dir.resolve("a")).resolve(SecretCipher.KEY_FILE);
        Files.writeString(keyFile, "not a key\n");

        assertThatThrownBy(() -> cipher("a").encrypt("k1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("% Cannot use the appliance key " + keyFile + ": not a key this appliance wrote "
                        + "(32 bytes in base64)");
        assertThat(Files.readString(keyFile)).isEqualTo("not a key\n");
    }
}
