package org.oversight.analytics.indicator;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads an {@link IndicatorModel} from a YAML resource with Spring Boot's binder, so the
 * file is written like any Spring configuration (kebab-case keys, enum names) and a
 * mistake stops the start with a message naming it.
 */
public final class IndicatorModelLoader {

	private IndicatorModelLoader() {
	}

	/** The model shipped in this module. */
	public static IndicatorModel defaults() {
		return load(AnalyticsProperties.DEFAULT_MODEL, new DefaultResourceLoader());
	}

	public static IndicatorModel load(String location, ResourceLoader resources) {
		Resource resource = resources.getResource(location);
		if (!resource.exists()) {
			throw new IllegalStateException("Analytics model not found: " + location);
		}
		try {
			var sources = new YamlPropertySourceLoader().load("analytics-model", resource);
			Binder binder = new Binder(ConfigurationPropertySources.from(sources));
			return binder.bind(ConfigurationPropertyName.EMPTY, Bindable.of(IndicatorModel.class))
				.orElseThrow(() -> new IllegalStateException("Analytics model is empty: " + location));
		}
		catch (BindException ex) {
			Throwable cause = ex;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			throw new IllegalStateException(location + ": " + cause.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the analytics model " + location, ex);
		}
	}

}
