package org.oversight.core.supervision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.oversight.core.common.OrgPathCollection;

@Configuration(proxyBeanMethods = false)
class SupervisionCollections {

	@Bean
	OrgPathCollection supervisionsCollection() {
		return new OrgPathCollection("supervisions");
	}

}
