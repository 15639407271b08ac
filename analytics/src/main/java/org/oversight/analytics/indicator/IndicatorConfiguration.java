package org.oversight.analytics.indicator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalyticsProperties.class)
class IndicatorConfiguration {

	@Bean
	IndicatorModel indicatorModel(AnalyticsProperties properties, ResourceLoader resources) {
		return IndicatorModelLoader.load(properties.indicators(), resources);
	}

}
