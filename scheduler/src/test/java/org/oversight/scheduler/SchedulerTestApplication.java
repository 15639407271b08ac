package org.oversight.scheduler;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The scheduler module with core and analytics, for its integration tests. Components,
 * repositories and documents are found in every module (org.oversight).
 */
@SpringBootApplication(scanBasePackages = "org.oversight")
@AutoConfigurationPackage(basePackages = "org.oversight")
public class SchedulerTestApplication {

}
