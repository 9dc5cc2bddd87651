"""The lexicon: every word list govlens reads Chinese with, as data files under ``lexicon/data``,
loaded once. The lowest layer of the package: it imports nothing from govlens.

* :mod:`.load`     reading the files, and :func:`~.load.alternation` (escaped, longest-first regex);
* :mod:`.words`    change verbs and their sign, qualifiers, kind and period cues, plan names, the
  year pattern, units and magnitudes, non-fact patterns;
* :mod:`.metrics`  metric synonyms and :func:`~.metrics.metric_key`;
* :mod:`.figures`  the figures a sentence holds (:func:`~.figures.unsupported_figures`).
"""
