# End to end: `postwarden --data-dir DIR --screenshot FILE` starts the service itself, shows its
# status, opens the setup wizard because it is a first start, saves both as PNGs and exits 0.
# The service it started is shut down afterwards, whatever happened.
#
#   cmake -D BIN_DIR=<folder of the programs> -D SCREENSHOT=<file.png> -P screenshot_e2e.cmake

foreach(var BIN_DIR SCREENSHOT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "screenshot_e2e.cmake: -D ${var}=... is required")
  endif()
endforeach()

# A short path: the control socket inside it must fit in sun_path (108 bytes).
execute_process(COMMAND mktemp -d RESULT_VARIABLE rc OUTPUT_VARIABLE work OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "mktemp -d failed")
endif()
set(data "${work}/data")

# Throw-away desktop session directories; offscreen rendering.
file(MAKE_DIRECTORY "${work}/runtime" "${work}/config" "${data}")
file(CHMOD "${work}/runtime" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
set(ENV{HOME} "${work}")
set(ENV{XDG_RUNTIME_DIR} "${work}/runtime")
set(ENV{XDG_CONFIG_HOME} "${work}/config")
set(ENV{QT_QPA_PLATFORM} offscreen)
# Every mail listener off, so that the service does not need (or fight over) TCP ports.
file(WRITE "${data}/postwarden.conf" "[listen]\nsmtp =\nsubmission =\nsubmissions =\nimap =\nimaps =\n")

get_filename_component(shot_dir "${SCREENSHOT}" DIRECTORY)
file(MAKE_DIRECTORY "${shot_dir}")
get_filename_component(shot_name "${SCREENSHOT}" NAME_WE)
set(wizard_shot "${shot_dir}/${shot_name}-wizard.png")
file(REMOVE "${SCREENSHOT}" "${wizard_shot}")

execute_process(
  COMMAND "${BIN_DIR}/postwarden" --data-dir "${data}" --screenshot "${SCREENSHOT}"
  RESULT_VARIABLE app_rc OUTPUT_VARIABLE app_out ERROR_VARIABLE app_err TIMEOUT 60)

# Stop what the app started before judging anything.
execute_process(
  COMMAND "${BIN_DIR}/postwardenctl" --data-dir "${data}" shutdown
  RESULT_VARIABLE stop_rc OUTPUT_VARIABLE stop_out ERROR_VARIABLE stop_err TIMEOUT 30)
set(stopped FALSE)
foreach(attempt RANGE 150)
  if(NOT EXISTS "${data}/control.sock" AND NOT EXISTS "${data}/postwardend.lock")
    set(stopped TRUE)
    break()
  endif()
  execute_process(COMMAND sleep 0.1)
endforeach()
if(NOT stopped AND EXISTS "${data}/postwardend.lock")
  # Last resort: the pid is the lock file's first line.
  file(STRINGS "${data}/postwardend.lock" lock_lines LIMIT_COUNT 1)
  if(lock_lines MATCHES "^[0-9]+$")
    execute_process(COMMAND kill -KILL "${lock_lines}")
  endif()
endif()
file(REMOVE_RECURSE "${work}")

if(NOT app_rc EQUAL 0)
  message(FATAL_ERROR "postwarden --screenshot exited with ${app_rc}\n${app_out}${app_err}")
endif()
if(NOT stop_rc EQUAL 0)
  message(FATAL_ERROR "postwardenctl shutdown exited with ${stop_rc}: ${stop_out}${stop_err}")
endif()
if(NOT stopped)
  message(FATAL_ERROR "the service the app started did not stop")
endif()
if(NOT EXISTS "${SCREENSHOT}")
  message(FATAL_ERROR "no screenshot at ${SCREENSHOT}\n${app_out}${app_err}")
endif()
file(SIZE "${SCREENSHOT}" size)
file(READ "${SCREENSHOT}" signature LIMIT 8 HEX)
if(size EQUAL 0 OR NOT signature STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "${SCREENSHOT} is not a PNG (${size} bytes, starts with ${signature})")
endif()
# A first start (no domain, the wizard never finished) takes the owner to the wizard.
if(NOT EXISTS "${wizard_shot}")
  message(FATAL_ERROR "the wizard did not open on the first start (no ${wizard_shot})\n${app_out}${app_err}")
endif()
message(STATUS "saved ${SCREENSHOT} (${size} bytes) and the first-start wizard; the service was started and stopped")
