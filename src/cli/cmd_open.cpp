// papers open ID...: hands each paper's page to the user's browser. No
// digest is read: the page follows from the arXiv id. The opener is run
// with an argument vector (fork and execvp), never through a shell, so
// nothing in an id or in $BROWSER is interpreted by one.
#include "commands.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace papers::cli {
namespace {

struct OpenOptions {
  std::vector<std::string> ids;
  bool pdf = false;
  bool hf = false;
  bool print = false;
};

// A program name found in one of PATH's directories (or a path itself).
bool on_path(const std::string& program) {
  if (program.find('/') != std::string::npos) {
    return access(program.c_str(), X_OK) == 0;
  }
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/bin:/bin";
  while (true) {
    const auto colon = dirs.find(':');
    std::string dir(dirs.substr(0, colon));
    if (dir.empty()) {
      dir = ".";
    }
    if (access((dir + "/" + program).c_str(), X_OK) == 0) {
      return true;
    }
    if (colon == std::string_view::npos) {
      return false;
    }
    dirs.remove_prefix(colon + 1);
  }
}

// The words of one $BROWSER entry, split on spaces; a `%s` word is
// replaced by the URL, else the URL is the last argument.
std::vector<std::string> opener_argv(std::string_view entry,
                                     const std::string& url) {
  std::vector<std::string> argv;
  bool substituted = false;
  std::size_t start = 0;
  while (start < entry.size()) {
    const auto end = std::min(entry.find(' ', start), entry.size());
    std::string word(entry.substr(start, end - start));
    if (!word.empty()) {
      const auto at = word.find("%s");
      if (at != std::string::npos) {
        word.replace(at, 2, url);
        substituted = true;
      }
      argv.push_back(std::move(word));
    }
    start = end + 1;
  }
  if (!argv.empty() && !substituted) {
    argv.push_back(url);
  }
  return argv;
}

// The opener for `url`: the first entry of $BROWSER (a list separated by
// ':') whose program exists, else xdg-open; empty when there is none.
std::vector<std::string> find_opener(const std::string& url) {
  if (const char* browser = std::getenv("BROWSER");
      browser != nullptr && *browser != '\0') {
    std::string_view list = browser;
    while (!list.empty()) {
      const auto colon = std::min(list.find(':'), list.size());
      auto argv = opener_argv(list.substr(0, colon), url);
      if (!argv.empty() && on_path(argv.front())) {
        return argv;
      }
      list.remove_prefix(std::min(colon + 1, list.size()));
    }
  }
  if (on_path("xdg-open")) {
    return {"xdg-open", url};
  }
  return {};
}

// Runs argv and waits for it: 0 when it exited 0, else a message.
std::string run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  // What was printed comes before what the opener prints, and a child
  // never inherits a buffer to write twice.
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid < 0) {
    return std::string("cannot start ") + argv.front() + ": "
           + std::strerror(errno);
  }
  if (pid == 0) {
    // The opener keeps our stdin and terminal: a text browser needs them.
    execvp(args.front(), args.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      return std::string("waiting for ") + argv.front() + ": "
             + std::strerror(errno);
    }
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    return {};
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    return argv.front() + ": cannot be run";
  }
  return argv.front() + " failed"
         + (WIFEXITED(status)
                ? " (exit status " + std::to_string(WEXITSTATUS(status)) + ")"
                : std::string(" (killed by a signal)"));
}

int run_open(const OpenOptions& options) {
  std::vector<std::string> urls;
  for (const auto& id : options.ids) {
    const auto normal = normalize_arxiv_id(id);
    if (!normal) {
      return usage_error(Error{"open: '" + id + "' is not an arXiv id"});
    }
    if (options.hf) {
      urls.push_back("https://huggingface.co/papers/" + *normal);
    } else if (options.pdf) {
      urls.push_back("https://arxiv.org/pdf/" + *normal);
    } else {
      urls.push_back("https://arxiv.org/abs/" + *normal);
    }
  }
  bool print = options.print;
  if (!print && find_opener(urls.front()).empty()) {
    eprint(
        "papers: no browser to open with (set $BROWSER or install "
        "xdg-open); printing the URLs\n");
    print = true;
  }
  if (print) {
    std::string out;
    for (const auto& url : urls) {
      out += url;
      out += '\n';
    }
    return write_stdout(out) ? kExitMatch : kExitError;
  }
  int status = kExitMatch;
  for (const auto& url : urls) {
    const std::string error = run(find_opener(url));
    if (!error.empty()) {
      eprint("papers: {}: {}\n", url, printable(error));
      status = kExitError;
    }
  }
  return status;
}

}  // namespace

std::function<int()> setup_open(CLI::App& cmd) {
  auto options = std::make_shared<OpenOptions>();
  cmd.add_option("ID",
                 options->ids,
                 "arXiv id in any spelling: 2402.03620, 2402.03620v2, "
                 "arXiv:2402.03620, an arxiv.org abs or pdf URL, a "
                 "huggingface.co/papers URL")
      ->required();
  auto* pdf = cmd.add_flag("--pdf",
                           options->pdf,
                           "Open the PDF (arxiv.org/pdf/ID), not the abstract");
  cmd.add_flag("--hf",
               options->hf,
               "Open the Hugging Face page (huggingface.co/papers/ID)")
      ->excludes(pdf);
  cmd.add_flag("--print",
               options->print,
               "Print the URLs, one a line, instead of opening them");
  cmd.footer(
      R"(Opens each paper's arXiv abstract page (or its PDF, or its Hugging Face
page) with the first program of $BROWSER (a ':'-separated list; a %s in an
entry is replaced by the URL) that exists, else xdg-open. The program is run
directly with the URL as one argument, never through a shell, once per ID,
and waited for. With --print, or when there is no program to open with (a
one-line note on stderr then), the URLs are printed instead. No digest is
read: the page follows from the id.

Exit status: 0 every page was opened (or printed), 2 an ID is not an arXiv
id or the opener failed.

Examples:
  papers open 2402.03620
  papers open --pdf arXiv:2402.03620 2402.04248
  papers open --hf --print 2402.03620
  BROWSER=firefox papers open 2402.03620)");
  return [options] { return run_open(*options); };
}

}  // namespace papers::cli
