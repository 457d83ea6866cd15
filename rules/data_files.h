// Data files: the word lists and tables rules read (free-mail and disposable domains, legal
// forms, job-title taxonomy, name affixes, ...). They live in the data directory, one file each,
// and are loaded when a rule that needs them is built, once per process, never compiled in.
//
// A data file starts with `#` header lines naming where it comes from:
//   # version: 2026.11
//   # source: https://...
//   # licence: MIT
// then one entry per line (blank lines and further `#` lines are skipped). Table files separate
// columns with a tab or a comma, as the rule that reads them documents. The versions of every file
// a run loaded appear in its report.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pdc {

struct DataFileInfo {
  std::string name;     // file name inside the data directory, e.g. "free_email_domains.txt"
  std::string version;  // from the header
  std::string source;
  std::string licence;
  std::size_t entries = 0;
};

struct DataLine {
  int number;  // 1-based line number in the file
  std::string text;  // trimmed of surrounding spaces and the line end
};

class DataFile {
 public:
  // Loads `name` from the data directory (cached: a second call returns the same file).
  // Throws DataError when it is missing or its header lacks version, source or licence.
  static std::shared_ptr<const DataFile> Load(std::string_view name);

  const DataFileInfo& info() const { return info_; }
  const std::vector<DataLine>& lines() const { return lines_; }
  std::string path() const;
  // "data/NAME:LINE" for messages about one entry.
  std::string Where(int line) const;

  // Splits a table line on `separator`, trimming each column.
  static std::vector<std::string> Columns(std::string_view line, char separator);

 private:
  DataFileInfo info_;
  std::filesystem::path path_;
  std::vector<DataLine> lines_;
  friend class DataCatalog;
};

class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The data directory: $PARDOT_CLEAN_DATA when set, else the directory the build was configured
// with (the repository's data/ or the installed share/pardot-clean/data).
std::filesystem::path DataDirectory();

// Records data a rule read from outside the data directory (the system's iso-codes tables, ICU's
// CLDR names), so that reports list it with the shipped files. A second note of a name is ignored.
void NoteDataSource(DataFileInfo info);

// The installed version of a Debian package ("" when unknown), for NoteDataSource.
std::string DebianPackageVersion(std::string_view package);

// Every data file this process has loaded, in load order (for reports).
std::vector<DataFileInfo> LoadedDataFiles();

}  // namespace pdc
