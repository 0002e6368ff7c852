# Build: Maven with JDK 17; run: a JRE. Embedded Redis/PostgreSQL are not used in containers:
# docker-compose.yml gives every node ATELIER_REDIS_URL and ATELIER_DATABASE_URL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl server -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 atelier
COPY --from=build /src/server/target/atelier.jar /opt/atelier/atelier.jar
USER atelier
EXPOSE 8080
ENV ATELIER_LOG_FORMAT=json
# A fixed heap, as the benchmark's nodes run (decision 95): without it the JVM sizes its heap from what
# it sees, and memory per connection depends on heap history. Set JAVA_TOOL_OPTIONS to change it.
ENV JAVA_TOOL_OPTIONS=-Xmx1g
# No curl/wget in the JRE image: a bash TCP probe of the HTTP port.
HEALTHCHECK --interval=10s --timeout=3s CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080' || exit 1
# G1 with a 20-ms pause goal: on one or two CPUs the JVM would pick the Serial collector, whose pauses
# (50–90 ms with 2,500 phones) show in acknowledgement tails; ZGC holds pauses lower but doubles the
# resident memory of a node holding 20,000 idle sockets. See docs/operations.md and docs/performance.md.
ENTRYPOINT ["java", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-jar", "/opt/atelier/atelier.jar"]
