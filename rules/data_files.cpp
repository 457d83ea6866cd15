#include "rules/data_files.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>

namespace pdc {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

class DataCatalog {
 public:
  static DataCatalog& Get() {
    static DataCatalog catalog;
    return catalog;
  }

  std::shared_ptr<const DataFile> Load(std::string_view name) {
    std::lock_guard lock(mutex_);
    if (auto it = files_.find(name); it != files_.end()) return it->second;
    auto file = Read(std::string(name));
    files_.emplace(std::string(name), file);
    order_.push_back(file->info());
    return file;
  }

  void Note(DataFileInfo info) {
    std::lock_guard lock(mutex_);
    for (const auto& known : order_) {
      if (known.name == info.name) return;
    }
    order_.push_back(std::move(info));
  }

  std::vector<DataFileInfo> Loaded() {
    std::lock_guard lock(mutex_);
    return order_;
  }

 private:
  static std::shared_ptr<DataFile> Read(const std::string& name) {
    if (name.empty() || name.find('/') != std::string::npos || name.front() == '.') {
      throw DataError("data file name \"" + name + "\" is not a plain file name");
    }
    auto file = std::make_shared<DataFile>();
    file->path_ = DataDirectory() / name;
    file->info_.name = name;
    std::ifstream in(file->path_, std::ios::binary);
    if (!in) {
      throw DataError(file->path_.string() +
                      ": cannot open data file (set PARDOT_CLEAN_DATA to the data directory)");
    }
    std::string line;
    int number = 0;
    bool header = true;
    while (std::getline(in, line)) {
      ++number;
      std::string_view text = Trim(line);
      if (number == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
      if (text.empty()) continue;
      if (text.front() == '#') {
        if (!header) continue;
        text = Trim(text.substr(1));
        const auto colon = text.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view key = Trim(text.substr(0, colon));
        const std::string value(Trim(text.substr(colon + 1)));
        if (key == "version") file->info_.version = value;
        if (key == "source") file->info_.source = value;
        if (key == "licence" || key == "license") file->info_.licence = value;
        continue;
      }
      header = false;
      file->lines_.push_back({number, std::string(text)});
    }
    for (const auto& [key, value] : {std::pair<const char*, const std::string*>{
                                         "version", &file->info_.version},
                                     {"source", &file->info_.source},
                                     {"licence", &file->info_.licence}}) {
      if (value->empty()) {
        throw DataError(file->path_.string() + ": the header has no \"# " + key + ":\" line");
      }
    }
    file->info_.entries = file->lines_.size();
    return file;
  }

  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const DataFile>, std::less<>> files_;
  std::vector<DataFileInfo> order_;
};

std::shared_ptr<const DataFile> DataFile::Load(std::string_view name) {
  return DataCatalog::Get().Load(name);
}

std::string DataFile::path() const { return path_.string(); }

std::string DataFile::Where(int line) const { return path_.string() + ":" + std::to_string(line); }

std::vector<std::string> DataFile::Columns(std::string_view line, char separator) {
  std::vector<std::string> columns;
  while (true) {
    const auto at = line.find(separator);
    columns.emplace_back(Trim(line.substr(0, at)));
    if (at == std::string_view::npos) break;
    line.remove_prefix(at + 1);
  }
  return columns;
}

std::filesystem::path DataDirectory() {
  if (const char* dir = std::getenv("PARDOT_CLEAN_DATA"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  return PDC_DATA_DIR;
}

void NoteDataSource(DataFileInfo info) { DataCatalog::Get().Note(std::move(info)); }

std::string DebianPackageVersion(std::string_view package) {
  std::ifstream in("/var/lib/dpkg/status");
  std::string line;
  bool in_package = false;
  while (std::getline(in, line)) {
    if (line.starts_with("Package: ")) in_package = std::string_view(line).substr(9) == package;
    if (in_package && line.starts_with("Version: ")) return line.substr(9);
  }
  return {};
}

std::vector<DataFileInfo> LoadedDataFiles() { return DataCatalog::Get().Loaded(); }

}  // namespace pdc
