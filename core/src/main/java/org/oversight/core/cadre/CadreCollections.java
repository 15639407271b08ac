package org.oversight.core.cadre;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.oversight.core.common.OrgPathCollection;

@Configuration(proxyBeanMethods = false)
class CadreCollections {

	@Bean
	OrgPathCollection appointmentsCollection() {
		return new OrgPathCollection("appointments");
	}

}
