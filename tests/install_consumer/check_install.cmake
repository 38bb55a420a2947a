# Installs a veil build tree into a prefix of its own, then configures, builds and runs
# the consumer project in this folder against that prefix. Run with cmake -P and:
#   BUILD_DIR      the veil build tree to install
#   CONFIG         its build type (may be empty)
#   VERSION        the project version the installed files must carry
#   WORK_DIR       scratch folder (emptied first), outside the source tree
#   GENERATOR, CXX_COMPILER, CXX_FLAGS, EXE_LINKER_FLAGS
#                  as the veil build used them, so the consumer is built the same way
#                  (a sanitizer build's consumer is instrumented too)

foreach(var BUILD_DIR VERSION WORK_DIR GENERATOR CXX_COMPILER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_install.cmake needs -D${var}=...")
  endif()
endforeach()

# An empty CONFIG (no CMAKE_BUILD_TYPE) means the generator's default configuration.
set(config_option)
if(CONFIG)
  set(config_option --config ${CONFIG})
endif()

set(prefix ${WORK_DIR}/prefix)
set(consumer_build ${WORK_DIR}/consumer-build)
file(REMOVE_RECURSE ${WORK_DIR})

execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} ${config_option} --prefix ${prefix}
                COMMAND_ERROR_IS_FATAL ANY)

foreach(installed include/veil/nlets/text_redactor.hpp include/veil/xml/dom_redactor.hpp include/veil/category_mask.hpp
                  include/veil/policy/identity.hpp
                  share/veil/cmake/veilConfig.cmake share/veil/cmake/veilConfigVersion.cmake
                  share/veil/cmake/veilTargets.cmake bin/veil)
  if(NOT EXISTS ${prefix}/${installed})
    message(FATAL_ERROR "the install has no ${installed}")
  endif()
endforeach()

execute_process(COMMAND ${prefix}/bin/veil --version OUTPUT_VARIABLE version_line COMMAND_ERROR_IS_FATAL ANY)
if(NOT version_line STREQUAL "veil ${VERSION}\n")
  message(FATAL_ERROR "installed veil --version printed '${version_line}'")
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR} -B ${consumer_build} -G ${GENERATOR}
          -DCMAKE_BUILD_TYPE=${CONFIG}
          -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
          "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
          "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}"
          -DCMAKE_PREFIX_PATH=${prefix}
          -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  COMMAND_ERROR_IS_FATAL ANY)

# find_package must have used the install, not some other veil on the machine.
file(STRINGS ${consumer_build}/CMakeCache.txt found_at REGEX "^veil_DIR:")
if(NOT found_at STREQUAL "veil_DIR:PATH=${prefix}/share/veil/cmake")
  message(FATAL_ERROR "find_package(veil) used ${found_at}, not the install in ${prefix}")
endif()

execute_process(COMMAND ${CMAKE_COMMAND} --build ${consumer_build} ${config_option} COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${consumer_build}/consumer COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${consumer_build}/dom_consumer COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${consumer_build}/policy_consumer COMMAND_ERROR_IS_FATAL ANY)
message(STATUS "consumer built against ${prefix} and passed")
