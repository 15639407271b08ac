package org.oversight.analytics;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The analytics module with core, for its integration tests: components, repositories and
 * documents of every {@code org.oversight} package, as in the server.
 */
@SpringBootApplication(scanBasePackages = "org.oversight")
@AutoConfigurationPackage(basePackages = "org.oversight")
public class AnalyticsTestApplication {

}
