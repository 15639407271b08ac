package org.oversight.core.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Actor;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.OversightProperties;
import org.oversight.core.organization.Organizations;

/**
 * Loads the demo province at start-up when {@link OversightProperties#loadDemoData()} is
 * true (by default: with the embedded server) and the database holds no organization, at
 * {@link OversightProperties#demoScale()} with a fixed seed, as actor {@value #ACTOR}.
 * Switched off entirely with {@code oversight.demo-loader.enabled=false}. When another
 * process sharing the database is loading it at the same time, the one that loses the
 * race on a duplicate code logs a warning and starts anyway.
 */
@Component
@ConditionalOnProperty(name = "oversight.demo-loader.enabled", havingValue = "true", matchIfMissing = true)
public class DemoDataLoader implements ApplicationRunner {

	/** The seed of the demo province: the same data at every start. */
	public static final long SEED = 20260101L;

	static final String ACTOR = "demo";

	private static final Logger logger = LoggerFactory.getLogger(DemoDataLoader.class);

	private final OversightProperties properties;

	private final Organizations organizations;

	private final DemoProvince province;

	private final org.springframework.context.ApplicationEventPublisher events;

	DemoDataLoader(OversightProperties properties, Organizations organizations, DemoProvince province,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.properties = properties;
		this.organizations = organizations;
		this.province = province;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.loadDemoData()) {
			return;
		}
		if (this.organizations.count() > 0) {
			logger.info("Demo province not loaded: the database already holds organizations");
			return;
		}
		Thread loader = new Thread(this::load, "demo-loader");
		loader.setDaemon(true);
		loader.start();
	}

	/**
	 * Loads in the background so the server answers health checks and queries at once;
	 * the log says when the demo province is complete.
	 */
	private void load() {
		int scale = this.properties.demoScale();
		logger.info("Loading the demo province (scale {}) in the background", scale);
		long started = System.nanoTime();
		try {
			DemoProvince.Summary summary = Actor.as(ACTOR, () -> this.province.load(scale, SEED));
			logger.info("Demo province loaded (scale {}, seed {}) in {} ms: {}", scale, SEED,
					(System.nanoTime() - started) / 1_000_000, summary);
			this.events.publishEvent(new DemoProvinceLoaded(summary));
		}
		catch (DomainException.Conflict ex) {
			// Another process sharing the database started loading it first (duplicate
			// codes): keep running with what is there rather than fail the start-up.
			logger.warn("Demo province load stopped by a conflict (another process loading it?): {}", ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("Demo province load failed", ex);
		}
	}

}
