package org.erratum.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the store file holds documents and unique-index keys: as BSON, the wire protocol's own encoding, written and
 * read with mongo-java-server's wire codec. mongo-java-server's H2 backend opens its maps with H2's default value
 * type, which Java-serializes every document and index key (its class descriptors in each): 1,669 bytes of live
 * data per stored vote, LZF-compressed, against 908 as BSON in Deflate-compressed pages (README, Store size). A
 * value the codec has no type for (none a client can send; the backend might make one) is still stored
 * Java-serialized, behind a tag byte, so nothing is refused.
 *
 * <p>Files from before this format have no {@link #MARKER} map; {@link #rewrite} copies them into this format.
 */
final class BsonFormat {

    /** Written into every file in this format; mongo-java-server only opens the maps named after its databases. */
    static final String MARKER = "erratum.format";

    /** mongo-java-server's name prefix for a collection's documents (its index maps are named {@code ns._index_name}). */
    private static final String DOCUMENTS_PREFIX = "databases.";
    private static final String INDEX_INFIX = "._index_";

    private static final byte BSON = 1;
    private static final byte SERIALIZED = 0;

    private static final DocumentType DOCUMENTS = new DocumentType();
    private static final KeyType KEYS = new KeyType();

    private BsonFormat() {
    }

    static String documentMapName(String namespace) {
        return DOCUMENTS_PREFIX + namespace;
    }

    static String indexMapName(String namespace, String indexName) {
        return namespace + INDEX_INFIX + indexName;
    }

    static MVMap.Builder<Object, Document> documents() {
        return new MVMap.Builder<Object, Document>().valueType(DOCUMENTS);
    }

    static MVMap.Builder<KeyValue, Object> indexKeys() {
        return new MVMap.Builder<KeyValue, Object>().keyType(KEYS);
    }

    /** A file's store as the store writes it: pages compressed with Deflate (H2's "high" compression). */
    static MVStore.Builder builder(Path file) {
        return new MVStore.Builder().fileName(file.toString()).compressHigh();
    }

    /**
     * Whether {@link #rewrite} would convert the file (it is in the old format) or shrink it to less than half: less
     * than half of it is live pages (the share of the file in chunks times the share of the chunks' bytes that is
     * live, H2's own counts).
     */
    static boolean needsRewrite(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return !store.hasMap(MARKER) || store.getFillRate() * store.getFileStore().getChunksFillRate() < 50 * 100;
        }
    }

    /**
     * Copies every live entry of the file into a new file in this format, which then replaces the old one in one
     * rename: a crash meanwhile leaves the old file as it was. A file in the old format (everything
     * Java-serialized, no {@link #MARKER}) is read with H2's default types, and so converted.
     */
    static void rewrite(Path file) {
        Path rewritten = file.resolveSibling(file.getFileName() + ".rewriting");
        try {
            Files.deleteIfExists(rewritten);
            MVStore source = new MVStore.Builder().fileName(file.toString()).readOnly().open();
            MVStore target = builder(rewritten).open();
            try {
                boolean current = source.hasMap(MARKER);
                for (String name : source.getMapNames()) {
                    open(target, name, true).putAll(open(source, name, current));
                }
                mark(target);
                target.commit();
            } finally {
                target.close();
                source.close();
            }
            Files.move(rewritten, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not rewrite " + file, e);
        }
    }

    static void mark(MVStore store) {
        store.openMap(MARKER).putIfAbsent("documents", "bson");
    }

    /** @param bson whether the map's documents or index keys are stored as BSON (else with H2's default type) */
    @SuppressWarnings("unchecked")
    private static MVMap<Object, Object> open(MVStore store, String name, boolean bson) {
        if (!bson) {
            return store.openMap(name);
        }
        if (name.startsWith(DOCUMENTS_PREFIX)) {
            return (MVMap<Object, Object>) (MVMap<?, ?>) store.openMap(name, documents());
        }
        if (name.contains(INDEX_INFIX)) {
            return (MVMap<Object, Object>) (MVMap<?, ?>) store.openMap(name, indexKeys());
        }
        return store.openMap(name); // a collection's size counter: left as H2 stores it
    }

    /** A tag byte, then the BSON document, or H2's own serialization where BSON has no type for a value. */
    private abstract static class TaggedBsonType<T> extends BasicDataType<T> {

        abstract Document toBson(T value);

        abstract T fromBson(Document document);

        @Override
        public void write(WriteBuffer buffer, T value) {
            byte[] bson = encode(value);
            if (bson == null) {
                buffer.put(SERIALIZED);
                new ObjectDataType().write(buffer, value); // not thread-safe: it caches the last type it saw
            } else {
                buffer.put(BSON).put(bson);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T read(ByteBuffer buffer) {
            if (buffer.get() == SERIALIZED) {
                return (T) new ObjectDataType().read(buffer);
            }
            int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
            T value = fromBson(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(buffer.position(),
                    length))));
            buffer.position(buffer.position() + length);
            return value;
        }

        /** @return null if BSON has no type for one of its values */
        byte[] encode(T value) {
            ByteBuf buffer = Unpooled.buffer();
            try {
                BsonEncoder.encodeDocument(toBson(value), buffer);
                return ByteBufUtil.getBytes(buffer);
            } catch (IllegalArgumentException e) {
                return null;
            } finally {
                buffer.release();
            }
        }

        @Override
        public int getMemory(T value) {
            // an estimate for H2's page cache: decoded, a document's maps, boxes and strings take a few times
            // its BSON bytes
            byte[] bson = encode(value);
            return bson == null ? new ObjectDataType().getMemory(value) : 3 * bson.length;
        }
    }

    private static final class DocumentType extends TaggedBsonType<Document> {

        @Override
        Document toBson(Document value) {
            return value;
        }

        @Override
        Document fromBson(Document document) {
            return document;
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /**
     * A unique index's key: its values as one BSON array. Keys are ordered value by value: by class, then by the
     * class's own order where it has one (strings, numbers, dates, ids), else by the value's encoded bytes. Any
     * order consistent with equality serves (H2's default type orders them by their Java-serialized bytes), as
     * long as it is a total order and cheap: H2 compares keys on every lookup.
     */
    private static final class KeyType extends TaggedBsonType<KeyValue> {

        @Override
        Document toBson(KeyValue value) {
            return new Document("k", value.stream().toList());
        }

        @Override
        KeyValue fromBson(Document document) {
            return new KeyValue((List<?>) document.get("k"));
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int order = compareValues(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private int compareValues(Object a, Object b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            if (a.getClass() != b.getClass()) {
                return a.getClass().getName().compareTo(b.getClass().getName());
            }
            if (a instanceof Comparable comparable) {
                return comparable.compareTo(b);
            }
            if (a.equals(b)) {
                return 0;
            }
            return Arrays.compareUnsigned(bytes(a), bytes(b));
        }

        private byte[] bytes(Object value) {
            byte[] bson = encode(new KeyValue(value));
            return bson == null ? ObjectDataType.serialize(value) : bson;
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
