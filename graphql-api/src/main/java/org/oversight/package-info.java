/**
 * The runnable Oversight server.
 */
package org.oversight;
