// Full-text search over names, aliases, titles, finding texts and evidence quotes.
// The 'standard-folding' analyser folds accents and case, so "jones greenhalgh" finds "Jones-Greenhalgh".
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Person|Organisation|Post|Tenure|Inspection|Report|Finding|Document)
ON EACH [n.name, n.aliasesText, n.title, n.text, n.quotesText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
