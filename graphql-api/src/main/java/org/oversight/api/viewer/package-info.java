/**
 * Who is asking: roles, rights and scope of the signed-in account.
 */
@NullMarked
package org.oversight.api.viewer;

import org.jspecify.annotations.NullMarked;
