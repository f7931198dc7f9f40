package org.erratum.feedback.vote;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.platform.security.KeyedHash;
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

    /** How the value shipped in application.yml starts. */
    private static final String DEVELOPMENT_SECRET_PREFIX = "dev-only-";

    private final KeyedHash hash;

    @Autowired
    ReaderKeys(FeedbackProperties properties) {
        this(properties.readerKeySecret());
        if (properties.readerKeySecret().startsWith(DEVELOPMENT_SECRET_PREFIX)) {
            log.warn("erratum.feedback.reader-key-secret is the development value; set your own in production");
        }
    }

    ReaderKeys(String secret) {
        this.hash = new KeyedHash(secret.getBytes(StandardCharsets.UTF_8));
    }

    String keyOf(String readerId) {
        return HexFormat.of().formatHex(hash.of(readerId));
    }
}
