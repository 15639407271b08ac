/**
 * GraphQL plumbing: scalars, limits, error classifications, connections, data loaders,
 * scope-aware nodes.
 */
package org.oversight.api.graphql;
