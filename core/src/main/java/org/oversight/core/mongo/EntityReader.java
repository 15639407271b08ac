package org.oversight.core.mongo;

import org.bson.Document;

import org.springframework.core.convert.converter.Converter;

/**
 * A hand-written reader of a stored entity, registered with the mapping's conversions in
 * place of Spring Data's generic mapping (which maps property by property through
 * reflection). For the entities requests read by the hundred; each feature declares its
 * own as a bean, so this package depends on none of them. Readers are annotated
 * {@code @ReadingConverter}.
 *
 * @param <T> the entity read
 */
public interface EntityReader<T> extends Converter<Document, T> {

}
