"""Rule files: validation with positions (schema), compiled patterns (compile), rule tests
(testing). The classifier itself lives in reader.classify."""
