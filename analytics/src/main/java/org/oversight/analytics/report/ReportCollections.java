package org.oversight.analytics.report;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.oversight.core.common.OrgPathCollection;

@Configuration(proxyBeanMethods = false)
class ReportCollections {

	/** Moving an organization rewrites the path of its reports, for scope filters. */
	@Bean
	OrgPathCollection ecologyReportsCollection() {
		return new OrgPathCollection("ecology_reports");
	}

}
