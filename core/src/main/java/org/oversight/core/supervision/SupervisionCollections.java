package org.oversight.core.supervision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.lookup.LookupSource;

@Configuration(proxyBeanMethods = false)
class SupervisionCollections {

	@Bean
	OrgPathCollection supervisionsCollection() {
		return new OrgPathCollection("supervisions");
	}

	@Bean
	LookupSource subjectEdges() {
		return SupervisionService.SUBJECT_EDGES;
	}

	@Bean
	LookupSource supervisorEdges() {
		return SupervisionService.SUPERVISOR_EDGES;
	}

}
