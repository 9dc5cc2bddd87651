"""Word lists and tables (data files) that the stages read: places (the gazetteer), and more."""
