package org.oversight.core.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the container variant of the database tests only where Docker is there, and says
 * so visibly when it is not.
 */
public class DatabaseVariant implements ExecutionCondition {

	private static Boolean dockerAvailable;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestDatabase.containerVariant()) {
			return ConditionEvaluationResult.enabled("embedded MongoDB-compatible server (H2 backend)");
		}
		if (docker()) {
			return ConditionEvaluationResult.enabled("MongoDB 8 in a container (" + TestDatabase.MONGO_IMAGE + ")");
		}
		return ConditionEvaluationResult
			.disabled("MongoDB 8 variant skipped: Docker is not available on this machine (Testcontainers found none)");
	}

	private static synchronized boolean docker() {
		if (dockerAvailable == null) {
			try {
				dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
			}
			catch (Throwable ex) {
				dockerAvailable = false;
			}
		}
		return dockerAvailable;
	}

}
