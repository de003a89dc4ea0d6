package org.tierdesk.knowledge;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The languages the desk searches in: English and Portuguese, each with its stemmer ("impressoras" finds
 * "impressora") and with accents folded ("nao" finds "não"). Used by the embedded Lucene backend.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	public static final String ENGLISH = "english";

	public static final String PORTUGUESE = "portuguese";

	/** Keys (system names) compared without case or accents. */
	public static final String KEY = "key";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(ENGLISH).custom()
			.tokenizer("standard")
			.tokenFilter("lowercase")
			.tokenFilter("snowballPorter").param("language", "English")
			.tokenFilter("asciiFolding");
		context.analyzer(PORTUGUESE).custom()
			.tokenizer("standard")
			.tokenFilter("lowercase")
			.tokenFilter("asciiFolding")
			.tokenFilter("snowballPorter").param("language", "Portuguese");
		context.normalizer(KEY).custom()
			.tokenFilter("lowercase")
			.tokenFilter("asciiFolding");
	}
}
