# Sourced by run-local.sh and .ci/run: build with the Java 17 language level, run on the newest JDK present.
# Temurin 25 is preferred where it is installed (virtual threads and a faster JIT); JDK 17 otherwise.
for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-17-openjdk-amd64; do
  if [ -x "$candidate/bin/java" ]; then
    export JAVA_HOME="$candidate"
    export PATH="$JAVA_HOME/bin:$PATH"
    break
  fi
done
