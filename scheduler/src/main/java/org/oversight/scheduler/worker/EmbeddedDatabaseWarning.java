package org.oversight.scheduler.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import org.oversight.core.common.OversightProperties;

/**
 * Says so when a worker started without {@code OVERSIGHT_MONGODB_URI}: its embedded
 * database is its own, so its jobs touch nobody else's data.
 */
class EmbeddedDatabaseWarning implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedDatabaseWarning.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		OversightProperties properties = event.getApplicationContext().getBean(OversightProperties.class);
		if (properties.embedded()) {
			logger.warn("The scheduler worker runs on an embedded database of its own; set OVERSIGHT_MONGODB_URI "
					+ "to the MongoDB the Oversight servers use");
		}
	}

}
