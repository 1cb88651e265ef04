# Native targets: unit tests, benchmarks, native tools and fuzz drivers.
enable_testing()

file(GLOB UNIT_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/unit/*.cpp")
add_executable(unit_tests ${UNIT_TEST_SOURCES})
target_link_libraries(unit_tests PRIVATE console_domain)
target_compile_options(unit_tests PRIVATE ${WARNINGS})
target_compile_definitions(unit_tests PRIVATE FIXTURES_DIR="${CMAKE_SOURCE_DIR}/tests/fixtures")
if(SANITIZE)
  # The tests' own bodies without ASan's use-after-scope checks (the code they
  # test keeps them): doctest's and nlohmann's temporaries made those checks a
  # quarter of the test files' compile time (sandbox_buyers_test: 29 -> 22 s).
  target_compile_options(unit_tests PRIVATE -fno-sanitize-address-use-after-scope)
endif()
add_test(NAME unit_tests COMMAND unit_tests)

# One executable per source file matching `pattern`, named after the file:
# bench/*.cpp (benchmarks), src/tools/*.cpp (ozon_sandbox), tests/fuzz/*.cpp
# (bounded-time fuzz drivers: the response parsers, the app's records; run by tests/run).
function(add_executables_per_file pattern)
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/${pattern}")
  foreach(src ${sources})
    get_filename_component(name "${src}" NAME_WE)
    add_executable(${name} "${src}")
    target_link_libraries(${name} PRIVATE console_domain)
    target_compile_options(${name} PRIVATE ${WARNINGS})
    target_compile_definitions(${name} PRIVATE FIXTURES_DIR="${CMAKE_SOURCE_DIR}/tests/fixtures")
  endforeach()
endfunction()

add_executables_per_file("bench/*.cpp")
add_executables_per_file("src/tools/*.cpp")
add_executables_per_file("tests/fuzz/*.cpp")
