package org.erratum.feedback.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a client address into the key its rate limits are held under: an HMAC-SHA256 with a random key made at
 * start-up and never written anywhere. IPv4 addresses are few enough to hash them all, so a plain hash would not
 * hide them; with a key that lives only in this process's memory, nothing that outlives the process can be traced
 * back to an address. Limits are per instance anyway, so no other instance needs the key.
 */
final class ClientKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    private final SecretKeySpec key;

    ClientKeys() {
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    String keyOf(String address) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe, and a new one is cheap
            mac.init(key);
            byte[] digest = mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK provides " + ALGORITHM, e);
        }
    }
}
