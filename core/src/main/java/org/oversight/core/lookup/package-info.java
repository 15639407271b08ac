/**
 * Lookup lists (查找清单): the ids of the records that share a key (an organization's
 * children, its posts, a cadre's posts, the talks with a cadre), kept by the writes so a
 * read by that key is two reads by id, which every MongoDB serves from the {@code _id}
 * index, the embedded server included.
 */
@NullMarked
package org.oversight.core.lookup;

import org.jspecify.annotations.NullMarked;
