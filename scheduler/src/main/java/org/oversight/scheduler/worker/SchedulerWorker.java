package org.oversight.scheduler.worker;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The scheduler as a process of its own, without the API: {@code java -jar
 * oversight-scheduler-*-exec.jar} with {@code OVERSIGHT_MONGODB_URI} pointing at the
 * database the servers use (run as many as you like: each fire runs once). Its settings
 * are in {@code oversight-worker.yml}, the same environment variables as the server.
 */
@SpringBootApplication(scanBasePackages = "org.oversight")
@AutoConfigurationPackage(basePackages = "org.oversight")
public class SchedulerWorker {

	public static void main(String[] args) {
		new SpringApplicationBuilder(SchedulerWorker.class).web(WebApplicationType.NONE)
			.properties("spring.config.name=oversight-worker")
			.listeners(new EmbeddedDatabaseWarning())
			.run(args);
	}

}
