-- One article per language in each group of translations (issue 21): the group is the
-- original's slug (an original's own, a translation's `translation_of`). The editor checks it
-- before saving (`domain::article::translation_problem`); this holds it when two editors save
-- versions in the same language at the same moment.
CREATE UNIQUE INDEX articles_one_per_language ON articles ((COALESCE(translation_of, slug)), locale);
