/**
 * GraphQL plumbing: scalars, limits, error classifications, connections, data loaders,
 * scope-aware nodes.
 */
@NullMarked
package org.oversight.api.graphql;

import org.jspecify.annotations.NullMarked;
