# The JSON Schemas of schemas/ (tests/schemas/check_schemas.py, Debian python3-jsonschema and
# python3-yaml): every sample, starter and template validates; the schemas reject what the
# engine rejects for its structure; the template schema is its generator's output.
set(BOARDPACK_PYTHON /usr/bin/python3)
add_test(NAME "schemas: every sample batch starter and template validates against the JSON Schemas"
  COMMAND ${BOARDPACK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/schemas/check_schemas.py valid ${PROJECT_SOURCE_DIR})
add_test(NAME "schemas: the schemas reject every bad batch or template the engine rejects for its structure"
  COMMAND ${BOARDPACK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/schemas/check_schemas.py agree ${PROJECT_SOURCE_DIR}
  $<TARGET_FILE:boardpack>)
add_test(NAME "schemas: the template schema is what its generator writes"
  COMMAND ${BOARDPACK_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/schemas/check_schemas.py generated ${PROJECT_SOURCE_DIR})
set_tests_properties(
  "schemas: every sample batch starter and template validates against the JSON Schemas"
  "schemas: the schemas reject every bad batch or template the engine rejects for its structure"
  "schemas: the template schema is what its generator writes"
  PROPERTIES LABELS schemas)
