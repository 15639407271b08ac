package org.oversight.core.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.oversight.core.demo.DemoProvinceLoaded;

/**
 * Builds the read models in the background when a process starts on a database that has
 * none yet (a new database, or one restored or loaded without them); until then readers
 * query the records themselves. Several processes doing it at once is safe.
 */
@Component
class ReadModelsOnStartup {

	private static final Logger logger = LoggerFactory.getLogger(ReadModelsOnStartup.class);

	private final ReadModels readModels;

	ReadModelsOnStartup(ReadModels readModels) {
		this.readModels = readModels;
	}

	/**
	 * The demo province is written while the start-up build may run: a record written
	 * between the build's recount and its first write may be counted twice. A rebuild
	 * once the demo is in corrects that.
	 */
	@EventListener(DemoProvinceLoaded.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void demoLoaded() {
		ReadModels.Rebuild result = this.readModels.rebuild();
		logger.info("Read models rebuilt after loading the demo province in {} ms ({} tallies corrected)",
				result.millis(), result.tallies().corrected());
	}

	@EventListener(ApplicationReadyEvent.class)
	void buildWhenMissing() {
		Thread builder = new Thread(() -> {
			try {
				if (!this.readModels.built()) {
					ReadModels.Rebuild result = this.readModels.rebuild();
					logger.info("Read models built in {} ms ({} lookup keys, tallies of {} organizations)",
							result.millis(), result.lookupKeys(), result.tallies().organizations());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not build the read models (readers query the records meanwhile)", ex);
			}
		}, "read-models-build");
		builder.setDaemon(true);
		builder.start();
	}

}
