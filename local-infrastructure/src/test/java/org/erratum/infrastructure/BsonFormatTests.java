package org.erratum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store's value types write is what they read back from the file, also where BSON has no type; and which
 * files the store rewrites when it starts.
 */
class BsonFormatTests {

    @TempDir
    Path directory;

    @Test
    void aDocumentWithAValueBsonHasNoTypeForIsStoredAndReadBack() {
        Path file = directory.resolve("documents.mv");
        Document bson = new Document("_id", "a").append("count", 3L).append("tags", List.of("x", "y"));
        Document notBson = new Document("_id", "b").append("big", new BigInteger("123456789012345678901234567890"));
        try (MVStore store = BsonFormat.builder(file).open()) {
            MVMap<Object, Document> documents = store.openMap("databases.db.things", BsonFormat.documents());
            documents.put("a", bson);
            documents.put("b", notBson);
            store.commit();
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            MVMap<Object, Document> documents = store.openMap("databases.db.things", BsonFormat.documents());
            assertThat(documents.get("a")).isEqualTo(bson);
            assertThat(documents.get("b")).isEqualTo(notBson);
        }
    }

    @Test
    void indexKeysOfMixedValuesAreEachFoundAgainAfterAReopen() {
        Path file = directory.resolve("index.mv");
        List<KeyValue> keys = List.of(new KeyValue("article-1", 2), new KeyValue("article-1", 10),
                new KeyValue("article-1", 2L), new KeyValue("article-1", (Object) null), new KeyValue(7),
                new KeyValue(new Document("day", "2026-09-01")), new KeyValue(new Document("day", "2026-09-02")),
                new KeyValue(new ObjectId()), new KeyValue(new BigInteger("42")), new KeyValue("article-1"));
        try (MVStore store = BsonFormat.builder(file).open()) {
            MVMap<KeyValue, Object> index = store.openMap("db.things._index_key", BsonFormat.indexKeys());
            for (int i = 0; i < keys.size(); i++) {
                assertThat(index.putIfAbsent(keys.get(i), i)).isNull();
            }
            store.commit();
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            MVMap<KeyValue, Object> index = store.openMap("db.things._index_key", BsonFormat.indexKeys());
            assertThat(index.size()).isEqualTo(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                assertThat(index.get(keys.get(i))).isEqualTo(i);
            }
            assertThat(index.get(new KeyValue("article-1", 3))).isNull();
        }
    }

    @Test
    void onlyAFileInTheOldFormatOrMostlyDeadSpaceNeedsRewriting() {
        Path dense = directory.resolve("dense.mv");
        try (MVStore store = BsonFormat.builder(dense).open()) {
            MVMap<Object, Document> documents = store.openMap("databases.db.things", BsonFormat.documents());
            for (int i = 0; i < 300; i++) {
                documents.put(i, new Document("_id", i).append("rewrites", 0));
            }
            BsonFormat.mark(store);
            store.commit();
        }
        Path sparse = directory.resolve("sparse.mv");
        try (MVStore store = BsonFormat.builder(sparse).open()) {
            MVMap<Object, Document> documents = store.openMap("databases.db.things", BsonFormat.documents());
            BsonFormat.mark(store);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 300; i++) {
                    documents.put(i, new Document("_id", i).append("rewrites", round));
                    store.commit(); // a chunk per write, each old one kept for H2's 45 s
                }
            }
        }
        Path old = directory.resolve("old.mv");
        try (MVStore store = new MVStore.Builder().fileName(old.toString()).open()) {
            store.openMap("databases.db.things").put(1, "a document");
            store.commit();
        }

        assertThat(BsonFormat.needsRewrite(dense)).isFalse();
        assertThat(BsonFormat.needsRewrite(sparse)).isTrue();
        assertThat(BsonFormat.needsRewrite(old)).isTrue();
    }
}
