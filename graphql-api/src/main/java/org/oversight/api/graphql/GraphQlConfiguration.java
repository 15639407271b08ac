package org.oversight.api.graphql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.CoercedVariables;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

import org.oversight.core.common.Today;

/** Scalars and the limits checked before a query runs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars(Today today) {
		return (wiring) -> wiring.scalar(date()).scalar(dateTime(today)).scalar(decimal());
	}

	/**
	 * Observations of each request ({@code graphql.request}), and of each field only when
	 * {@code oversight.graphql.field-observations} is set: a dashboard query runs a few
	 * hundred data fetchers, and an observation of each cost about an eighth of its CPU.
	 */
	@Bean
	@ConditionalOnProperty(name = "oversight.graphql.field-observations", havingValue = "false", matchIfMissing = true)
	GraphQlObservationInstrumentation requestObservations(ObjectProvider<ObservationRegistry> registry) {
		return new GraphQlObservationInstrumentation(registry.getIfAvailable(() -> ObservationRegistry.NOOP)) {
			@Override
			public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
					InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
				return dataFetcher;
			}
		};
	}

	@Bean
	ParsedDocuments parsedDocuments(ApiProperties properties) {
		return new ParsedDocuments(properties.parsedDocuments());
	}

	@Bean
	GraphQlSourceBuilderCustomizer documentCache(ParsedDocuments documents) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(ApiProperties properties) {
		return new MaxQueryDepthInstrumentation(properties.maxDepth());
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(ApiProperties properties) {
		return new MaxQueryComplexityInstrumentation(properties.maxComplexity(), (environment, children) -> {
			Object first = environment.getArguments().get("first");
			int multiplier = (first instanceof Number number) ? Math.max(1, Math.min(500, number.intValue())) : 1;
			return 1 + children * multiplier;
		});
	}

	/** ISO-8601 calendar dates (2026-03-01). */
	static GraphQLScalarType date() {
		return GraphQLScalarType.newScalar()
			.name("Date")
			.description("An ISO-8601 calendar date")
			.coercing(new Coercing<LocalDate, String>() {
				@Override
				public String serialize(Object value, GraphQLContext context, Locale locale) {
					if (value instanceof LocalDate date) {
						return date.toString();
					}
					throw new CoercingSerializeException("Not a date: " + value);
				}

				@Override
				public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
					return parse(input, CoercingParseValueException::new);
				}

				@Override
				public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
						Locale locale) {
					if (input instanceof StringValue string) {
						return parse(string.getValue(), CoercingParseLiteralException::new);
					}
					throw new CoercingParseLiteralException("A Date is a string like 2026-03-01");
				}

				private <E extends RuntimeException> LocalDate parse(Object input,
						java.util.function.Function<String, E> error) {
					if (input instanceof String text) {
						try {
							return LocalDate.parse(text);
						}
						catch (DateTimeParseException ex) {
							throw error.apply("Not an ISO-8601 date (2026-03-01): " + text);
						}
					}
					throw error.apply("A Date is a string like 2026-03-01");
				}
			})
			.build();
	}

	/** Instants as ISO-8601 with the configured zone's offset. */
	static GraphQLScalarType dateTime(Today today) {
		return GraphQLScalarType.newScalar()
			.name("DateTime")
			.description("An ISO-8601 instant with offset")
			.coercing(new Coercing<OffsetDateTime, String>() {
				@Override
				public String serialize(Object value, GraphQLContext context, Locale locale) {
					if (value instanceof Instant instant) {
						return instant.atZone(today.zone()).toOffsetDateTime().toString();
					}
					if (value instanceof OffsetDateTime time) {
						return time.toString();
					}
					if (value instanceof ZonedDateTime time) {
						return time.toOffsetDateTime().toString();
					}
					throw new CoercingSerializeException("Not an instant: " + value);
				}

				@Override
				public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
					try {
						return OffsetDateTime.parse(String.valueOf(input));
					}
					catch (DateTimeParseException ex) {
						throw new CoercingParseValueException("Not an ISO-8601 instant with offset: " + input);
					}
				}

				@Override
				public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
						Locale locale) {
					if (input instanceof StringValue string) {
						try {
							return OffsetDateTime.parse(string.getValue());
						}
						catch (DateTimeParseException ex) {
							throw new CoercingParseLiteralException("Not an ISO-8601 instant: " + string.getValue());
						}
					}
					throw new CoercingParseLiteralException("A DateTime is a string");
				}
			})
			.build();
	}

	/** Money in yuan: a JSON number with at most two decimals. */
	static GraphQLScalarType decimal() {
		return GraphQLScalarType.newScalar()
			.name("Decimal")
			.description("A decimal number (money in yuan, at most two decimals)")
			.coercing(new Coercing<BigDecimal, BigDecimal>() {
				@Override
				public BigDecimal serialize(Object value, GraphQLContext context, Locale locale) {
					if (value instanceof BigDecimal decimal) {
						return decimal;
					}
					if (value instanceof Number number) {
						return new BigDecimal(number.toString());
					}
					throw new CoercingSerializeException("Not a number: " + value);
				}

				@Override
				public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
					try {
						if (input instanceof Number || input instanceof String) {
							return new BigDecimal(input.toString());
						}
					}
					catch (NumberFormatException ex) {
						// fall through
					}
					throw new CoercingParseValueException("Not a decimal number: " + input);
				}

				@Override
				public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
						Locale locale) {
					if (input instanceof IntValue integer) {
						return new BigDecimal(integer.getValue());
					}
					if (input instanceof FloatValue decimal) {
						return decimal.getValue();
					}
					if (input instanceof StringValue string) {
						try {
							return new BigDecimal(string.getValue());
						}
						catch (NumberFormatException ex) {
							throw new CoercingParseLiteralException("Not a decimal number: " + string.getValue());
						}
					}
					throw new CoercingParseLiteralException("A Decimal is a number");
				}
			})
			.build();
	}

}
