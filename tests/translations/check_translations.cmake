# Fails when a translation is out of date with the sources (a string added, changed or removed
# without running the update_translations target) or has an unfinished entry.
# lupdate needs the include path to see which namespace a class lives in: without it the
# context would be "StatusView" where tr() looks up "pw::ui::StatusView".
# Inputs: SOURCE_DIR, LUPDATE, TS_FILE, SOURCES_LIST (a file with one source path per line), WORK_DIR.
file(STRINGS "${SOURCES_LIST}" sources)
get_filename_component(name "${TS_FILE}" NAME)
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY_FILE "${TS_FILE}" "${WORK_DIR}/${name}")
execute_process(COMMAND "${LUPDATE}" -no-obsolete -locations none -I "${SOURCE_DIR}" ${sources} -ts "${WORK_DIR}/${name}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed: ${out}${err}")
endif()
file(READ "${TS_FILE}" committed)
file(READ "${WORK_DIR}/${name}" updated)
if(NOT committed STREQUAL updated)
  message(FATAL_ERROR "${name} is out of date with the sources; run: cmake --build build --target update_translations\n${out}")
endif()
string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${committed}")
list(LENGTH unfinished count)
if(count GREATER 0)
  message(FATAL_ERROR "${name} has ${count} unfinished translation(s)")
endif()
message(STATUS "${name}: complete and in sync (${out})")
