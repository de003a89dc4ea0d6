package org.tierdesk.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.tierdesk.system.Role;

import jakarta.persistence.LockModeType;

/**
 * People's accounts. Queries that return accounts fetch their roles and programs in the same statement: loaded by a
 * query, an account's eager collections would otherwise cost a statement each.
 */
interface AccountRepository extends JpaRepository<Account, Long> {

	@EntityGraph(attributePaths = { "roles", "programIds" })
	Optional<Account> findByUsername(String username);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id")
	Optional<Account> lockById(long id);

	@Query("select distinct a from Account a join a.programIds p join a.roles r "
			+ "where p = :programId and (:role is null or r = :role) order by a.username")
	List<Account> findInProgram(long programId, Role role);

	@Query("select a from Account a left join fetch a.roles left join fetch a.programIds "
			+ "where :programId member of a.programIds and a.emailKey = :emailKey and a.enabled = true order by a.id")
	List<Account> findByEmailInProgram(long programId, String emailKey);

	@Query("select a from Account a left join fetch a.roles left join fetch a.programIds "
			+ "where :programId member of a.programIds and a.phoneKey = :phoneKey and a.enabled = true order by a.id")
	List<Account> findByPhoneInProgram(long programId, String phoneKey);

	@Query("select a from Account a left join fetch a.roles left join fetch a.programIds "
			+ "where :programId member of a.programIds and upper(a.organization) = :organization and a.enabled = true "
			+ "order by a.id")
	List<Account> findByOrganizationInProgram(long programId, String organization);

	@Query("select distinct a from Account a join a.programIds p join a.roles r where p = :programId and r = :role "
			+ "and lower(a.displayName) like :pattern escape '\\' and a.enabled = true order by a.username")
	List<Account> findByNameInProgram(long programId, Role role, String pattern,
			org.springframework.data.domain.Limit limit);

	boolean existsByUsername(String username);
}
