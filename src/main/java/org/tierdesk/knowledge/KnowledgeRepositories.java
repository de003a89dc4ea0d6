package org.tierdesk.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleRepository extends JpaRepository<Article, Long> {

	Optional<Article> findByNumber(String number);

	List<Article> findByProgramIdOrderByUpdatedAtDesc(long programId);
}

interface RevisionRepository extends JpaRepository<Revision, Long> {

	List<Revision> findByArticleIdOrderByRevisionAsc(long articleId);

	Optional<Revision> findByArticleIdAndRevision(long articleId, int revision);
}

interface WorkflowEventRepository extends JpaRepository<WorkflowEvent, Long> {

	List<WorkflowEvent> findByArticleIdOrderByIdAsc(long articleId);
}
