# syntax=docker/dockerfile:1
#
# One image recipe for every Erratum service. Pick the service with a build argument:
#
#   docker build --build-arg SERVICE=feedback-service --build-arg SERVICE_PORT=8082 -t erratum/feedback-service .
#
# docker-compose.yml passes both arguments for each service. BuildKit is required (the default builder of
# Docker 23+ and of `docker compose`) because the build caches the Maven repository between builds.

########################################################################################################################
# Build: compile the chosen service and the modules it depends on, then split the executable jar into layers.
########################################################################################################################
FROM eclipse-temurin:17.0.15_6-jdk AS build

ARG SERVICE
ARG SERVICE_PORT

WORKDIR /workspace

# Fail early, with a message a person can act on, instead of a Maven reactor error further down.
RUN case "${SERVICE}:${SERVICE_PORT}" in \
      content-service:8081|feedback-service:8082|review-service:8083) ;; \
      *) echo "Build with --build-arg SERVICE=<content-service|feedback-service|review-service>" \
              "and the matching --build-arg SERVICE_PORT=<8081|8082|8083> (got '${SERVICE}:${SERVICE_PORT}')" >&2; \
         exit 1 ;; \
    esac

COPY . .

# The cache mount keeps ~/.m2 (the Maven distribution fetched by the wrapper and all dependencies) across builds
# and across the three services; "locked" stops parallel compose builds writing the same repository at once.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -q -DskipTests -pl "${SERVICE}" -am package \
 && cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /workspace/application.jar

# Spring Boot's layer index puts third-party libraries, our own snapshot modules and the service's classes in
# separate directories, so a code change rebuilds only the small top layers of the runtime image.
RUN java -Djarmode=tools -jar application.jar extract --layers --destination /workspace/extracted

########################################################################################################################
# Runtime: JRE only, non-root, no build tools and no sources.
########################################################################################################################
# The services are compiled for Java 17 (the lowest release we support, see <java.version> in pom.xml) and run on
# the newest JRE: class files are forward compatible, and production gets the newest runtime's GC, container
# awareness and security fixes without raising the bar for anyone building or running the code locally.
FROM eclipse-temurin:25.0.1_8-jre

ARG SERVICE
ARG SERVICE_PORT

LABEL org.opencontainers.image.title="erratum-${SERVICE}" \
      org.opencontainers.image.description="Erratum ${SERVICE}"

# A fixed numeric uid lets orchestrators verify runAsNonRoot without resolving names inside the image.
RUN groupadd --system --gid 10001 erratum \
 && useradd --system --uid 10001 --gid erratum --no-create-home --shell /usr/sbin/nologin erratum

WORKDIR /application

# Least-changing layer first.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

USER 10001:10001

# Size the heap from the container's memory limit rather than the host's RAM, leaving a quarter for metaspace,
# thread stacks and direct buffers; exit on OutOfMemoryError so the orchestrator restarts a clean instance.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

EXPOSE ${SERVICE_PORT}

ENTRYPOINT ["java", "-jar", "application.jar"]
