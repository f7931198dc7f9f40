package org.erratum.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.json.JsonMapper;

/**
 * asyncapi.yaml is the contract other teams read; the records are what the services actually send. These tests keep
 * the two from drifting: topics, CloudEvents types and headers, and every payload field down to nested records.
 */
class AsyncApiDocumentTests {

    private static final String DOCUMENT_PATH = "/asyncapi.yaml";

    /** How Jackson writes each Java type we use in a contract; a new type must be added here deliberately. */
    private static final Map<Class<?>, String> JSON_TYPES = Map.of(
            String.class, "string", UUID.class, "string", Instant.class, "string", LocalDate.class, "string",
            int.class, "integer", Integer.class, "integer", long.class, "integer", boolean.class, "boolean");

    private static final Map<Class<?>, String> STRING_FORMATS = Map.of(
            UUID.class, "uuid", Instant.class, "date-time", LocalDate.class, "date");

    private static final Map<String, Object> document = load();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void isAnAsyncApi3DocumentForKafka() {
        assertThat(document.get("asyncapi")).asString().startsWith("3.");
        assertThat(map(document.get("servers")).values())
                .allSatisfy(server -> assertThat(map(server).get("protocol")).isEqualTo("kafka"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasAChannelOnItsTopicCarryingItsMessage(EventType type) {
        Map<String, Object> channel = channelOn(type.topic());

        assertThat(refsIn(map(channel.get("messages")).values())).contains(messageRef(type));
        assertThat(at(channel, "bindings", "kafka", "topic")).isEqualTo(type.topic());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyMessageDeclaresTheCloudEventsHeadersWithItsVersionedType(EventType type) {
        Map<String, Object> headers = mergeAllOf(resolve(message(type).get("headers")));
        Map<String, Object> properties = map(headers.get("properties"));

        assertThat(strings(headers.get("required"))).containsExactlyInAnyOrder(CloudEventHeaders.ID,
                CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.SPEC_VERSION);
        assertThat(at(properties, CloudEventHeaders.TYPE, "const")).isEqualTo(type.type());
        assertThat(at(properties, CloudEventHeaders.SPEC_VERSION, "const"))
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_VALUE);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyMessageIsKeyedByArticleId(EventType type) {
        Map<String, Object> key = resolve(at(message(type), "bindings", "kafka", "key"));

        assertThat(key.get("type")).isEqualTo("string");
        assertThat(String.valueOf(key.get("description"))).contains("article");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachTopicHasOneProducingServiceNamedAsTheEventSource(EventType type) {
        List<Map<String, Object>> producers = operationsOn(type, "send");
        List<Map<String, Object>> consumers = operationsOn(type, "receive");

        assertThat(producers).as("services publishing to %s", type.topic()).hasSize(1);
        assertThat(consumers).as("services consuming %s", type.topic()).isNotEmpty();
        Map<String, Object> headers = map(mergeAllOf(resolve(message(type).get("headers"))).get("properties"));
        assertThat(at(headers, CloudEventHeaders.SOURCE, "const")).isEqualTo("/erratum/" + serviceOf(producers.get(0)));
        assertThat(consumers).allSatisfy(consumer -> assertThat(at(consumer, "bindings", "kafka", "groupId", "enum"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(serviceOf(consumer)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadSchemaMatchesTheRecordFieldByField(EventType type) {
        Map<String, Object> payload = resolve(message(type).get("payload"));

        assertSchemaDescribes(type.eventClass(), payload, type.eventClass().getSimpleName());
    }

    /** An example other teams copy must be a message the services really send and read. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyExamplePayloadReadsAsItsRecordAndWritesBackUnchanged(EventType type) {
        List<?> examples = (List<?>) message(type).get("examples");
        assertThat(examples).as("examples of %s", type).isNotEmpty();

        for (Object example : examples) {
            // through text both ways, so that a YAML int and a Java long compare as the same JSON number
            String payload = JSON.writeValueAsString(map(example).get("payload"));
            ErratumEvent event = JSON.readValue(payload, type.eventClass());

            assertThat(JSON.readTree(JSON.writeValueAsString(event))).as("%s example", type)
                    .isEqualTo(JSON.readTree(payload));
            assertThat(map(map(example).get("headers")).get(CloudEventHeaders.TYPE)).isEqualTo(type.type());
        }
    }

    @Test
    void articlesTopicIsCompactedSoItHoldsEachArticlesCurrentState() {
        Map<String, Object> channel = channelOn(Topics.ARTICLES);

        assertThat(strings(at(channel, "bindings", "kafka", "topicConfiguration", "cleanup.policy")))
                .containsExactly("compact");
    }

    // --- the record ↔ schema comparison ------------------------------------------------------------------------

    private static void assertSchemaDescribes(Class<?> record, Map<String, Object> schema, String path) {
        assertSchemaDescribes(record, schema, path, Set.of());
    }

    /** @param enclosing the records this one is nested in; a record holding itself (a block's blocks) ends there */
    private static void assertSchemaDescribes(Class<?> record, Map<String, Object> schema, String path,
            Set<Class<?>> enclosing) {
        if (enclosing.contains(record)) {
            return;
        }
        Set<Class<?>> nested = new LinkedHashSet<>(enclosing);
        nested.add(record);
        assertThat(schema.get("type")).as("%s type", path).isEqualTo("object");
        Map<String, Object> properties = map(schema.get("properties"));
        List<String> required = strings(schema.getOrDefault("required", List.of()));
        List<String> fields = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(properties.keySet()).as("%s properties", path).containsExactlyInAnyOrderElementsOf(fields);
        for (RecordComponent field : record.getRecordComponents()) {
            String where = path + "." + field.getName();
            Map<String, Object> property = resolve(properties.get(field.getName()));
            boolean nullable = isNullable(property);

            assertThat(required.contains(field.getName())).as("%s is required exactly when it is not nullable", where)
                    .isEqualTo(!nullable);
            if (field.getType().isPrimitive()) {
                assertThat(nullable).as("%s is a primitive and can never be null", where).isFalse();
            }
            assertSchemaDescribes(field.getGenericType(), withoutNull(property), where, nested);
        }
    }

    private static void assertSchemaDescribes(Type javaType, Map<String, Object> schema, String path,
            Set<Class<?>> enclosing) {
        if (javaType instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertThat(jsonType(schema)).as("%s type", path).isEqualTo("array");
            assertSchemaDescribes(list.getActualTypeArguments()[0], withoutNull(resolve(schema.get("items"))),
                    path + "[]", enclosing);
            return;
        }
        if (!(javaType instanceof Class<?> type)) {
            fail("%s has a Java type the contract test does not know how to compare: %s", path, javaType);
            return;
        }
        if (type.isRecord()) {
            assertSchemaDescribes(type, schema, path, enclosing);
        } else if (type.isEnum()) {
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            assertThat(jsonType(schema)).as("%s type", path).isEqualTo("string");
            assertThat(strings(schema.get("enum")).stream().filter(Objects::nonNull).toList()).as("%s enum", path)
                    .containsExactlyElementsOf(constants);
        } else if (JSON_TYPES.containsKey(type)) {
            assertThat(jsonType(schema)).as("%s type", path).isEqualTo(JSON_TYPES.get(type));
            if (STRING_FORMATS.containsKey(type)) {
                assertThat(schema.get("format")).as("%s format", path).isEqualTo(STRING_FORMATS.get(type));
            }
        } else {
            fail("%s is a %s; add how Jackson writes it to JSON_TYPES, then document it", path, type.getName());
        }
    }

    /** {@code type: [string, 'null']}, or {@code oneOf} a schema and {@code type: 'null'}. */
    private static boolean isNullable(Map<String, Object> schema) {
        if (schema.get("type") instanceof List<?> types) {
            return types.contains("null");
        }
        return alternatives(schema).stream().anyMatch(AsyncApiDocumentTests::isNullSchema);
    }

    private static Map<String, Object> withoutNull(Map<String, Object> schema) {
        List<Map<String, Object>> alternatives = alternatives(schema).stream()
                .filter(alternative -> !isNullSchema(alternative)).toList();
        if (alternatives.isEmpty()) {
            return schema;
        }
        assertThat(alternatives).as("a nullable schema has exactly one non-null alternative").hasSize(1);
        return alternatives.get(0);
    }

    private static List<Map<String, Object>> alternatives(Map<String, Object> schema) {
        Object alternatives = schema.containsKey("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (alternatives == null) {
            return List.of();
        }
        return ((List<?>) alternatives).stream().map(AsyncApiDocumentTests::resolve).toList();
    }

    private static boolean isNullSchema(Map<String, Object> schema) {
        return "null".equals(schema.get("type"));
    }

    private static String jsonType(Map<String, Object> schema) {
        if (schema.get("type") instanceof List<?> types) {
            List<?> nonNull = types.stream().filter(t -> !"null".equals(t)).toList();
            assertThat(nonNull).as("one JSON type besides null in %s", schema).hasSize(1);
            return String.valueOf(nonNull.get(0));
        }
        return (String) schema.get("type");
    }

    // --- navigating the document -------------------------------------------------------------------------------

    private static String messageRef(EventType type) {
        return "#/components/messages/" + type.eventClass().getSimpleName();
    }

    private static Map<String, Object> message(EventType type) {
        return resolve(Map.of("$ref", messageRef(type)));
    }

    private static Map<String, Object> channelOn(String topic) {
        return map(document.get("channels")).values().stream().map(AsyncApiDocumentTests::map)
                .filter(channel -> topic.equals(channel.get("address"))).findFirst()
                .orElseThrow(() -> new AssertionError("no channel has the address " + topic));
    }

    /** Operations of the given action whose messages include the event type's message. */
    private static List<Map<String, Object>> operationsOn(EventType type, String action) {
        Map<String, Object> channel = channelOn(type.topic());
        return map(document.get("operations")).values().stream().map(AsyncApiDocumentTests::map)
                .filter(operation -> action.equals(operation.get("action")))
                .filter(operation -> resolve(operation.get("channel")).equals(channel))
                .filter(operation -> refsIn((List<?>) operation.get("messages")).stream()
                        .map(ref -> resolve(Map.of("$ref", ref)))
                        .anyMatch(message -> message.equals(message(type))))
                .toList();
    }

    /** The service an operation belongs to, named by its single tag. */
    private static String serviceOf(Map<String, Object> operation) {
        List<?> tags = (List<?>) operation.get("tags");
        assertThat(tags).as("an operation is tagged with exactly one service").hasSize(1);
        return (String) map(tags.get(0)).get("name");
    }

    private static List<String> refsIn(Iterable<?> objects) {
        List<String> refs = new ArrayList<>();
        objects.forEach(object -> refs.add((String) map(object).get("$ref")));
        return refs;
    }

    /** Merges {@code allOf} parts: required names are united, each property's keywords are combined. */
    private static Map<String, Object> mergeAllOf(Map<String, Object> schema) {
        if (!schema.containsKey("allOf")) {
            return schema;
        }
        Set<Object> required = new LinkedHashSet<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Object part : (List<?>) schema.get("allOf")) {
            Map<String, Object> resolved = mergeAllOf(resolve(part));
            required.addAll((List<?>) resolved.getOrDefault("required", List.of()));
            map(resolved.getOrDefault("properties", Map.of())).forEach((name, property) -> {
                Map<String, Object> merged = new LinkedHashMap<>(map(properties.getOrDefault(name, Map.of())));
                merged.putAll(resolve(property));
                properties.put(name, merged);
            });
        }
        return Map.of("type", "object", "required", new ArrayList<>(required), "properties", properties);
    }

    /** Follows a local {@code $ref} such as {@code #/components/schemas/Reviewer}; other schemas pass through. */
    private static Map<String, Object> resolve(Object schemaOrRef) {
        Map<String, Object> schema = map(schemaOrRef);
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        assertThat((String) ref).as("only local references").startsWith("#/");
        Object target = document;
        for (String segment : ((String) ref).substring(2).split("/")) {
            target = map(target).get(segment);
            assertThat(target).as("%s resolves", ref).isNotNull();
        }
        return resolve(target);
    }

    private static Object at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            current = resolve(current).get(key);
            assertThat(current).as("%s present", String.join(".", path)).isNotNull();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).as("a YAML mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object node) {
        assertThat(node).as("a YAML sequence").isInstanceOf(List.class);
        return (List<String>) node;
    }

    private static Map<String, Object> load() {
        try (InputStream yaml = AsyncApiDocumentTests.class.getResourceAsStream(DOCUMENT_PATH)) {
            Objects.requireNonNull(yaml, DOCUMENT_PATH + " is not on the classpath");
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DOCUMENT_PATH, e);
        }
    }
}
