package org.erratum.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequestWrapper;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.erratum.platform.PlatformAutoConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.AuthorizationManagerWebInvocationPrivilegeEvaluator.HttpServletRequestTransformer;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Each service's OpenAPI 3.1 document of its JSON API (springdoc, at {@code /v3/api-docs}, for staff). What can
 * fail is documented from the same sources that decide it, so the document cannot promise what the service does not
 * do: who may call an operation is asked of the service's own security rules, every error is an RFC 9457 problem,
 * and the errors an operation's shape implies (a body or parameters can be invalid, a path can name nothing) are
 * added here; a controller declares the others it answers ({@code @ApiResponse} with a code and a description).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    /** Where the document is served (JSON, and YAML at {@code .yaml}): staff only, in every service. */
    public static final String[] PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"};

    /** The staff roles of the system, in the order the document lists them. */
    static final List<String> STAFF_ROLES = List.of("REVIEWER", "SENIOR_REVIEWER", "EDITOR", "ADMIN");

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";
    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";
    private static final String NO_CONTENT = "204";
    private static final String UNAUTHORIZED = "401";
    private static final String FORBIDDEN = "403";

    @Bean
    OpenAPI erratumOpenApi(Environment environment) {
        String name = environment.getRequiredProperty(PlatformAutoConfiguration.APPLICATION_NAME);
        return new OpenAPI()
                .info(new Info().title("Erratum " + name + " API").version("1")
                        .description("Errors are RFC 9457 problem documents (" + PROBLEM_JSON + "); a problem with"
                                + " the request names the field in errors[].field. Staff sign in with HTTP Basic, or"
                                + " with the OpenID Connect provider's bearer tokens where one is configured."))
                // relative, so the document is the same wherever the service runs
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSchemas(PROBLEM, problemSchema())
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")));
    }

    /**
     * Spring Security's privilege evaluator, which the document asks who may call what, judges a stand-in request
     * that cannot tell its dispatcher type, and a rule matching on it (error pages, forwards) would throw. The
     * operation being asked about is an ordinary request; a real request keeps its own type.
     */
    @Bean
    HttpServletRequestTransformer documentedRequests() {
        PathPatternRequestTransformer paths = new PathPatternRequestTransformer();
        return request -> new HttpServletRequestWrapper(paths.transform(request)) {
            @Override
            public DispatcherType getDispatcherType() {
                try {
                    return super.getDispatcherType();
                } catch (UnsupportedOperationException standIn) {
                    return DispatcherType.REQUEST;
                }
            }
        };
    }

    @Bean
    OpenApiCustomizer erratumProblemsAndAccess(ObjectProvider<WebInvocationPrivilegeEvaluator> access) {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            WebInvocationPrivilegeEvaluator rules = access.getIfAvailable();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> document(path, method, operation, rules)));
        };
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation,
            WebInvocationPrivilegeEvaluator rules) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (operation.getRequestBody() != null || !parameters.isEmpty()) {
            responses.computeIfAbsent("400", code -> problem("Invalid request: the problem names each field to fix"
                    + " in errors[].field"));
        }
        if (path.contains("{")) {
            responses.computeIfAbsent("404", code -> problem("Nothing exists at this address"));
        }
        parameters.stream().filter(p -> IdempotencyKey.HEADER.equals(p.getName())).forEach(key -> {
            key.description("Makes a retry safe: send a new value (a UUID) with each new request and the same one"
                    + " when you retry it; a retry answers as the first attempt did and changes nothing.");
            responses.computeIfAbsent("422", code -> problem("The Idempotency-Key was sent before with a different"
                    + " request"));
        });
        if (rules != null) {
            documentAccess(path, method, operation, responses, rules);
        }
        // every error the application answers is a problem document, whoever declared it; 401 and 403 come from the
        // security filters in front of it, with a WWW-Authenticate challenge
        responses.forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && !UNAUTHORIZED.equals(code)
                    && !FORBIDDEN.equals(code)) {
                response.setContent(problemContent());
            } else if (NO_CONTENT.equals(code)) {
                response.setContent(null);
            }
        });
        operation.setResponses(sorted(responses));
    }

    /** Who may call it, as the service's security rules answer for a request to this operation. */
    private static void documentAccess(String path, PathItem.HttpMethod method, Operation operation,
            ApiResponses responses, WebInvocationPrivilegeEvaluator rules) {
        String uri = path.replaceAll("\\{[^}]+}", "x");
        if (rules.isAllowed("", uri, method.name(), anonymous())) {
            return;
        }
        List<String> allowed = STAFF_ROLES.stream()
                .filter(role -> rules.isAllowed("", uri, method.name(), staff(role))).toList();
        operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement()
                .addList(BEARER)));
        String access = "Staff only: " + String.join(", ", allowed) + ".";
        operation.setDescription(operation.getDescription() == null ? access
                : operation.getDescription() + "\n\n" + access);
        responses.computeIfAbsent(UNAUTHORIZED, code -> problem("Not signed in, or the credentials are wrong"));
        if (allowed.size() < STAFF_ROLES.size()) {
            responses.computeIfAbsent(FORBIDDEN, code -> problem("Signed in without a role that may do this"));
        }
    }

    private static ApiResponses sorted(ApiResponses responses) {
        Map<String, ApiResponse> byCode = new LinkedHashMap<>();
        responses.keySet().stream().sorted().forEach(code -> byCode.put(code, responses.get(code)));
        ApiResponses ordered = new ApiResponses();
        ordered.putAll(byCode);
        return ordered;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description);
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    /** RFC 9457, with the field errors every Erratum problem about a request carries. */
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, parameter or header to fix"))
                .addProperty("message", new StringSchema().description("what is wrong with it"));
        return new ObjectSchema().description("An RFC 9457 problem document")
                .addProperty("type", new StringSchema().description("a URI naming the kind of problem"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what happened, in words a person can act on"))
                .addProperty("instance", new StringSchema().description("the request's path"))
                .addProperty("errors", new ArraySchema().items(fieldError));
    }

    private static Authentication anonymous() {
        return new AnonymousAuthenticationToken("api-documentation", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }

    private static Authentication staff(String role) {
        return UsernamePasswordAuthenticationToken.authenticated("api-documentation", null,
                AuthorityUtils.createAuthorityList("ROLE_" + role));
    }
}
