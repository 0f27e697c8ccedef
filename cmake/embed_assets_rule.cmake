# advocacy_embed_assets(OUT_CPP NAMESPACE FILE...): a build rule that turns web assets into a generated C++ source
# defining `std::string_view NAMESPACE::embedded_asset(std::string_view name)` (cmake/embed_assets.cmake does the
# work), regenerated whenever an asset changes. OUT_CPP is set to the generated file, to add to a target's sources.
function(advocacy_embed_assets out_var namespace)
  string(REPLACE "::" "_" stem "${namespace}")
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${stem}_assets.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${out} -DNAMESPACE=${namespace} "-DINPUTS=${ARGN}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_assets.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/embed_assets.cmake
    COMMENT "Embedding web assets of ${namespace}"
    VERBATIM)
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
