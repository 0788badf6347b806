# Writes OUT: a C++ file defining `std::string_view NAMESPACE::FUNCTION()`
# (declared in HEADER) that returns the bytes of the text file IN, so the
# binary carries its data with it. One raw string literal compiles in a
# fraction of a second even for a few hundred kilobytes, where one object per
# entry would not.
#
#   cmake -DIN=... -DOUT=... -DHEADER=dir/x.h -DNAMESPACE=a::b -DFUNCTION=Name -P embed_text.cmake
foreach(var IN ITEMS IN OUT HEADER NAMESPACE FUNCTION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_text.cmake needs -D${var}=...")
  endif()
endforeach()

file(READ ${IN} text)
# The literal ends at the first )sb_text" it meets; a file holding that
# sequence could not be embedded this way.
string(FIND "${text}" ")sb_text\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains )sb_text\" and cannot be embedded as a raw string")
endif()
get_filename_component(name ${IN} NAME)

set(body "// Generated from ${name} by embed_text.cmake. Do not edit.\n")
string(APPEND body "#include \"${HEADER}\"\n\nnamespace ${NAMESPACE} {\n\n")
string(APPEND body "std::string_view ${FUNCTION}() {\n")
string(APPEND body "  static constexpr char kText[] = R\"sb_text(${text})sb_text\";\n")
string(APPEND body "  return {kText, sizeof(kText) - 1};\n}\n\n}  // namespace ${NAMESPACE}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
