package org.oversight.analytics.indicator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The analytics settings ({@code oversight.analytics.*}).
 *
 * @param indicators where the analytics model is read from: a Spring resource location
 * ({@code classpath:...} or {@code file:...}); the default is the model shipped in this
 * module. Environment variable: {@code OVERSIGHT_ANALYTICS_INDICATORS}.
 */
@ConfigurationProperties("oversight.analytics")
public record AnalyticsProperties(@DefaultValue(AnalyticsProperties.DEFAULT_MODEL) String indicators) {

	public static final String DEFAULT_MODEL = "classpath:oversight/indicators.yml";

}
