"""Unicode knowledge: the generated tables and the questions asked of them."""
