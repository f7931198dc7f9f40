package org.erratum.feedback.vote;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.erratum.feedback.config.FeedbackProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns the anonymous reader id from the cookie into the reader key that is stored and published. A keyed hash
 * (HMAC-SHA256) rather than a plain one: reader ids are short enough that a plain hash could be matched against a
 * stolen cookie, and without the key nobody can link a key back to a browser.
 */
@Component
class ReaderKeys {

    private static final Logger log = LoggerFactory.getLogger(ReaderKeys.class);

    private static final String ALGORITHM = "HmacSHA256";

    /** How the value shipped in application.yml starts. */
    private static final String DEVELOPMENT_SECRET_PREFIX = "dev-only-";

    private final SecretKeySpec key;

    @Autowired
    ReaderKeys(FeedbackProperties properties) {
        this(properties.readerKeySecret());
        if (properties.readerKeySecret().startsWith(DEVELOPMENT_SECRET_PREFIX)) {
            log.warn("erratum.feedback.reader-key-secret is the development value; set your own in production");
        }
    }

    ReaderKeys(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String keyOf(String readerId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe, and a new one is cheap
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(readerId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK provides " + ALGORITHM, e);
        }
    }
}
