package org.erratum.feedback.intake;

import java.security.SecureRandom;
import java.util.Base64;

import org.erratum.platform.security.KeyedHash;

/**
 * Turns a client address into the key its rate limits are held under: an HMAC-SHA256 with a random key made at
 * start-up and never written anywhere. IPv4 addresses are few enough to hash them all, so a plain hash would not
 * hide them; with a key that lives only in this process's memory, nothing that outlives the process can be traced
 * back to an address. Limits are per instance anyway, so no other instance needs the key.
 */
final class ClientKeys {

    private static final int KEY_BYTES = 32;

    private final KeyedHash hash;

    ClientKeys() {
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        this.hash = new KeyedHash(secret);
    }

    String keyOf(String address) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash.of(String.valueOf(address)));
    }
}
