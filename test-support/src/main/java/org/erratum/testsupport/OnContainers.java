package org.erratum.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that only means something on the real MongoDB and Kafka that Testcontainers starts where a Docker engine
 * answers (the query plans of real MongoDB, say): {@link TestInfrastructure} decides, as for every integration test.
 * Elsewhere JUnit skips it, saying that no Docker engine answered.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnContainers.Condition.class)
public @interface OnContainers {

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return TestInfrastructure.useContainers()
                    ? ConditionEvaluationResult.enabled("a Docker engine answers: running on Testcontainers")
                    : ConditionEvaluationResult.disabled("needs a Docker engine for Testcontainers' MongoDB (none"
                            + " answered, or ERRATUM_TEST_INFRASTRUCTURE=embedded): the embedded store has no query"
                            + " plans to check");
        }
    }
}
