package org.openvrrs.cli.ios.internal;

/**
 * Type 6 secrets, IOS style: {@code key 6 CIPHERTEXT} in the running and startup configuration, decrypted with the
 * appliance's own key. Offered as an OSGi service by the configuration store; without it the IOS front end never
 * prints a secret and refuses {@code key 6}.
 */
public interface SecretCodec {

    /** The type 6 ciphertext of {@code clear}, as {@code key 6} prints it (without the "6 "). */
    String encrypt(String clear);

    /**
     * The clear text of a type 6 ciphertext made by this appliance.
     *
     * @throws IllegalArgumentException when it was not (another appliance's key, or not type 6 at all)
     */
    String decrypt(String type6);
}
