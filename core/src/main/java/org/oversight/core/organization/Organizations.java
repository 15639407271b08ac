package org.oversight.core.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** The stored organizations. */
public interface Organizations extends MongoRepository<Organization, String> {

	Optional<Organization> findByCode(String code);

	boolean existsByCode(String code);

	List<Organization> findByIdIn(Collection<String> ids);

	/** The organization itself and everything below it. */
	@Query("{ 'path': ?0 }")
	List<Organization> findSubtree(String organizationId);

	@Query(value = "{ 'path': ?0, '_id': { $ne: ?0 }, 'dissolvedOn': null }", exists = true)
	boolean hasLivingDescendant(String organizationId);

	List<Organization> findByParentIdOrderByCodeAsc(String parentId);

}
