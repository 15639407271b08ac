package org.oversight.core.rectification;

import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored rectification tasks. */
public interface Rectifications extends MongoRepository<Rectification, String> {

	List<Rectification> findByFindingIdIn(Collection<String> findingIds);

	List<Rectification> findByFindingId(String findingId);

	List<Rectification> findByIdIn(Collection<String> ids);

}
