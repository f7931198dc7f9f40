package org.erratum.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key: signed form timestamps, reader keys and client keys all use it. The Mac is looked up and keyed once and cloned per use: a Mac is not thread-safe, and
 * looking one up through the security providers on every request cost more than the hash.
 */
public final class KeyedHash {

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac keyed;

    public KeyedHash(byte[] key) {
        try {
            keyed = Mac.getInstance(ALGORITHM);
            keyed.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK provides " + ALGORITHM, e);
        }
    }

    public byte[] of(String value) {
        try {
            return ((Mac) keyed.clone()).doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's " + ALGORITHM + " can be cloned", e);
        }
    }
}
