package org.oversight.core.common;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The core settings. Environment variables: {@code OVERSIGHT_MONGODB_URI},
 * {@code OVERSIGHT_DATA_DIR}, {@code OVERSIGHT_EMBEDDED_BACKEND},
 * {@code OVERSIGHT_DEMO_DATA}, {@code OVERSIGHT_TIME_ZONE} (mapped in
 * {@code application.yml}).
 *
 * @param mongodbUri a real MongoDB; blank for the embedded server
 * @param dataDir where the embedded server keeps its data
 * @param embeddedBackend {@code h2} (on disk) or {@code memory}
 * @param demoData load the demo province into an empty database; null means "yes with the
 * embedded server, no with a real MongoDB"
 * @param demoScale size of the demo province (1 = a small demo)
 * @param timeZone the zone of dates and "today"
 * @param embeddedCache the page cache of the embedded server's H2 store: pages in it are
 * kept deserialised, the others are read from the file on each access
 * @param tallySums how many subtree counts (an organization and a filter) this process
 * keeps with the revision of the tally they were summed from (0: none)
 * @param keptResults how many results computed from many records (a subtree's coverage,
 * its blind spots) this process keeps of each kind while their collections are not
 * written (0: none)
 * @param keptResultsLifetime how long at most a kept result is answered: the bound on how
 * stale a result can be after a write this process cannot see (by another tool, or by
 * another process that died before publishing it)
 */
@ConfigurationProperties("oversight")
public record OversightProperties(String mongodbUri, @DefaultValue("./data") Path dataDir,
		@DefaultValue("h2") EmbeddedBackend embeddedBackend, Boolean demoData, @DefaultValue("1") int demoScale,
		@DefaultValue("Asia/Shanghai") ZoneId timeZone, @DefaultValue("256MB") DataSize embeddedCache,
		@DefaultValue("50000") int tallySums, @DefaultValue("512") int keptResults,
		@DefaultValue("10m") Duration keptResultsLifetime) {

	public enum EmbeddedBackend {

		H2, MEMORY

	}

	public boolean embedded() {
		return this.mongodbUri == null || this.mongodbUri.isBlank();
	}

	public boolean loadDemoData() {
		return (this.demoData != null) ? this.demoData : embedded();
	}

}
