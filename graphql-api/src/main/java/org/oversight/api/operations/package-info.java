/**
 * Health and operations.
 */
package org.oversight.api.operations;
