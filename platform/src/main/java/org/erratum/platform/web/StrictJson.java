package org.erratum.platform.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON every service's HTTP API reads: exactly what the API documents. Jackson by default turns
 * {@code "2"} into 2, {@code 1} into true, {@code 4} into the fifth enum constant, {@code " OTHER "} into OTHER,
 * {@code 42} into "42" and keeps the last of two equal keys; each of those is refused here, so the problem names
 * the field (see {@link ProblemDetailsAdvice}) and nothing is stored.
 * <p>
 * Only the HTTP message converter reads with this mapper. The application's {@code JsonMapper} bean stays as Spring
 * Boot configures it, because Spring Cloud Function builds the event consumers' mapper from it: consumers are
 * tolerant readers of events (unknown fields ignored), and a contract change must not depend on how strict the
 * HTTP API is.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Puts the strict mapper in the place of Boot's JSON converter (which runs at order 0, before this one). */
    public static ServerHttpMessageConvertersCustomizer httpApi(JsonMapper applicationMapper) {
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(strict(applicationMapper));
        return new ServerHttpMessageConvertersCustomizer() {

            @Override
            public void customize(HttpMessageConverters.ServerBuilder builder) {
                builder.withJsonConverter(converter);
            }
        };
    }

    /** The application's mapper (modules, date handling) with every lenient reading turned off. */
    public static JsonMapper strict(JsonMapper applicationMapper) {
        SimpleModule exactEnumNames = new SimpleModule("erratum-exact-enum-names");
        exactEnumNames.setDeserializerModifier(new ValueDeserializerModifier() {

            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new ExactEnumName(deserializer);
            }
        });
        return applicationMapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // "2" for a number, "true" for a boolean, "" for null
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, integer -> integer
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, constant -> constant
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(exactEnumNames)
                .build();
    }

    /** Jackson trims white space around an enum constant's name before looking it up; a strict API does not. */
    private static final class ExactEnumName extends DelegatingDeserializer {

        ExactEnumName(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new ExactEnumName(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String name = parser.getString();
                if (!name.equals(name.trim()) || !name.equals(name.strip())) {
                    return context.handleWeirdStringValue(handledType(), name, "has white space around the name");
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
