// Running the built binaries from end-to-end tests: the exit code, stdout and stderr of a command.
#pragma once

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace pdc::e2e {

struct Output {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh directory under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::random_device entropy;
    path_ = std::filesystem::temp_directory_path() /
            ("pdc-e2e-" + std::to_string(entropy()) + std::to_string(entropy()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Runs `command` through the shell in `dir`.
inline Output Shell(const std::string& command, const TempDir& dir) {
  const std::string err_path = dir / ".stderr";
  const std::string full =
      "cd '" + dir.path().string() + "' && " + command + " 2>'" + err_path + "'";
  Output result;
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = pclose(pipe);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = ReadFile(err_path);
  return result;
}

// Runs `command` through the shell in `dir` with stdout and stderr on a pseudo-terminal
// `columns` wide, as a person at a terminal would see them (out: everything shown, with the
// terminal's "\r\n" for each newline).
inline Output ShellOnTerminal(const std::string& command, const TempDir& dir,
                              unsigned short columns = 200) {
  Output result;
  int terminal = -1, child_side = -1;
  winsize size{};
  size.ws_row = 24;
  size.ws_col = columns;
  if (openpty(&terminal, &child_side, nullptr, nullptr, &size) != 0) return result;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(child_side, STDOUT_FILENO);
    dup2(child_side, STDERR_FILENO);
    close(terminal);
    close(child_side);
    if (chdir(dir.path().c_str()) != 0) _exit(127);
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(child_side);
  char buffer[4096];
  for (;;) {  // until the child side is closed by the last process holding it (EIO)
    const ssize_t n = read(terminal, buffer, sizeof buffer);
    if (n > 0) {
      result.out.append(buffer, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  close(terminal);
  int status = 0;
  if (pid > 0 && waitpid(pid, &status, 0) == pid) {
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  return result;
}

inline std::string CleanBinary() { return PDC_BINARY_DIR "/pipeline/pardot-clean"; }
inline std::string GenerateBinary() { return PDC_BINARY_DIR "/samples/pardot-generate"; }

}  // namespace pdc::e2e
