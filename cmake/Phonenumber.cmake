# libphonenumber: the runtime library comes from Debian's libphonenumber8; its headers are unpacked
# from libphonenumber-dev by scripts/setup into .deps/ (the -dev package conflicts with Boost 1.81).
set(PDC_PHONENUMBER_ROOT "${PROJECT_SOURCE_DIR}/.deps/libphonenumber/usr" CACHE PATH
    "Where the libphonenumber headers were unpacked")
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h
          HINTS "${PDC_PHONENUMBER_ROOT}/include" NO_DEFAULT_PATH)
find_library(PHONENUMBER_LIBRARY NAMES libphonenumber.so.8 phonenumber)
find_library(PROTOBUF_LIBRARY NAMES protobuf)
if(NOT PHONENUMBER_INCLUDE_DIR OR NOT PHONENUMBER_LIBRARY OR NOT PROTOBUF_LIBRARY)
  message(FATAL_ERROR "libphonenumber not found: run scripts/setup")
endif()
add_library(pdc_phonenumber INTERFACE)
target_include_directories(pdc_phonenumber SYSTEM INTERFACE "${PHONENUMBER_INCLUDE_DIR}")
target_link_libraries(pdc_phonenumber INTERFACE "${PHONENUMBER_LIBRARY}" "${PROTOBUF_LIBRARY}"
                      ICU::uc ICU::i18n)
