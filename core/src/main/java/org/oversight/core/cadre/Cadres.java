package org.oversight.core.cadre;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored cadres. */
public interface Cadres extends MongoRepository<Cadre, String> {

	Optional<Cadre> findByCode(String code);

	boolean existsByCode(String code);

	List<Cadre> findByIdIn(Collection<String> ids);

}
