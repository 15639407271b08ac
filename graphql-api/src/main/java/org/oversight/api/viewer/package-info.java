/**
 * Who is asking: roles, rights and scope of the signed-in account.
 */
package org.oversight.api.viewer;
