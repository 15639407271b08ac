package org.oversight.core.mongo;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import org.bson.types.Decimal128;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import org.oversight.core.common.OversightProperties;
import org.oversight.core.common.Today;

/**
 * Chooses the database: {@code OVERSIGHT_MONGODB_URI} when set, otherwise an embedded
 * server started in this process. Also fixes how dates and money are stored, the same on
 * both: calendar dates as UTC midnights (the driver's own codecs, never the JVM zone),
 * money as Decimal128.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class,
		beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@EnableConfigurationProperties(OversightProperties.class)
public class OversightMongoAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock oversightClock(OversightProperties properties) {
		return Clock.system(properties.timeZone());
	}

	@Bean
	@ConditionalOnMissingBean
	Today today(Clock clock) {
		return new Today(clock);
	}

	@Bean
	@ConditionalOnMissingBean(MongoConnectionDetails.class)
	MongoConnectionDetails oversightMongoConnectionDetails(OversightProperties properties,
			org.springframework.beans.factory.ObjectProvider<EmbeddedMongoServer> embedded) {
		if (properties.embedded()) {
			EmbeddedMongoServer server = embedded.getObject();
			return () -> new ConnectionString(server.connectionString());
		}
		ConnectionString connection = new ConnectionString(properties.mongodbUri());
		if (connection.getDatabase() == null) {
			String uri = properties.mongodbUri();
			int query = uri.indexOf('?');
			String base = (query >= 0) ? uri.substring(0, query) : uri;
			String options = (query >= 0) ? uri.substring(query) : "";
			connection = new ConnectionString(
					(base.endsWith("/") ? base : base + "/") + EmbeddedMongoServer.DATABASE + options);
		}
		ConnectionString chosen = connection;
		return () -> chosen;
	}

	/**
	 * The embedded server answers on event loops that also run its scans: under load its
	 * heartbeat replies can take longer than the driver's default 10 s, after which the
	 * driver would declare it unknown and fail requests. Against the embedded server
	 * only, the client waits as long as a slow scan may take.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer oversightEmbeddedClientTimeouts(OversightProperties properties) {
		return (builder) -> {
			if (properties.embedded()) {
				builder.applyToSocketSettings((socket) -> socket.connectTimeout(2, TimeUnit.MINUTES))
					.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(2, TimeUnit.MINUTES));
			}
		};
	}

	/**
	 * Counts the writes of every collection as the client completes them, for results
	 * kept between requests ({@link KeptResults}).
	 */
	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean
	WriteEpochs oversightWriteEpochs(ObjectProvider<MongoTemplate> template) {
		WriteEpochs epochs = new WriteEpochs();
		epochs.connect(() -> template.getObject().getCollection(WriteEpochs.COLLECTION));
		return epochs;
	}

	@Bean
	MongoClientSettingsBuilderCustomizer oversightWriteEpochsListener(WriteEpochs epochs) {
		return (builder) -> builder.addCommandListener(epochs);
	}

	@Bean(destroyMethod = "destroy")
	@ConditionalOnMissingBean
	@org.springframework.context.annotation.Lazy
	EmbeddedMongoServer embeddedMongoServer(OversightProperties properties) {
		return EmbeddedMongoServer.start(properties.embeddedBackend(), properties.dataDir(),
				(int) properties.embeddedCache().toMegabytes());
	}

	/**
	 * Spring Data publishes two lifecycle events per document read (and more per write)
	 * through the application's event multicaster; nothing here listens to them, and at M
	 * looking up their listeners was a twenty-fifth of a coverage request.
	 */
	@Bean
	static BeanPostProcessor oversightMongoTemplateWithoutLifecycleEvents() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof MongoTemplate template) {
					template.setEntityLifecycleEventsEnabled(false);
				}
				return bean;
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	MongoCustomConversions mongoCustomConversions(ObjectProvider<EntityReader<?>> readers) {
		return MongoCustomConversions.create((adapter) -> {
			adapter.useNativeDriverJavaTimeCodecs();
			adapter.bigDecimal(
					org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation.DECIMAL128);
			adapter.registerConverters(List.of(new DecimalReader(), new DecimalWriter()));
			// the entities read by the hundred per request, read by hand
			adapter.registerConverters(readers.orderedStream().toList());
		});
	}

	@ReadingConverter
	static final class DecimalReader implements Converter<Decimal128, BigDecimal> {

		@Override
		public BigDecimal convert(Decimal128 source) {
			return source.bigDecimalValue();
		}

	}

	@WritingConverter
	static final class DecimalWriter implements Converter<BigDecimal, Decimal128> {

		@Override
		public Decimal128 convert(BigDecimal source) {
			return new Decimal128(source);
		}

	}

}
