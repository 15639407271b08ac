package org.oversight.api.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the GraphQL endpoint ({@code oversight.graphql.*}).
 *
 * @param maxDepth deepest nesting accepted (15)
 * @param maxComplexity the most a query may cost: each field costs 1 plus its children's
 * cost, times its {@code first} argument when it has one (100000)
 * @param timeout longest a request may run (30 s)
 * @param fieldObservations observe (time and trace) each data fetcher, not only each
 * request: {@code graphql.datafetcher} metrics and spans, at a cost of about an eighth of
 * a dashboard query's time (false)
 * @param parsedDocuments how many query documents are kept parsed and validated (1000)
 */
@ConfigurationProperties("oversight.graphql")
public record ApiProperties(@DefaultValue("15") int maxDepth, @DefaultValue("100000") int maxComplexity,
		@DefaultValue("30s") Duration timeout, @DefaultValue("false") boolean fieldObservations,
		@DefaultValue("1000") int parsedDocuments) {
}
