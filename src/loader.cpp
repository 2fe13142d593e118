#include <papers/digest_parser.hpp>
#include <papers/loader.hpp>
#include <papers/source.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

namespace papers {
namespace {

// What one input gave: its records and diagnostics, so that a file found
// to be binary half-way through can be dropped whole, and so that inputs
// parsed on other threads are merged in input order.
struct FileResult final : public PaperSink, public DiagnosticSink {
  std::vector<Paper> papers;
  std::vector<Diagnostic> diagnostics;
  std::optional<Error> error;  ///< the input could not be read
  bool binary = false;
  std::string_view layout;
  const RecordFilter* filter = nullptr;  ///< the worker's, if any
  std::vector<DroppedRecord> dropped;    ///< what `filter` rejected
  /// Keep copies (with_own_text()) of the records that pass, so that the
  /// read buffer goes with the parse: a filtered load keeps few records.
  bool own_text = false;

  bool on_paper(Paper&& paper) override {
    if (filter != nullptr && !(*filter)(paper)) {
      dropped.push_back(DroppedRecord{
          paper.id ? std::optional<std::string>(*paper.id) : std::nullopt,
          paper.date,
          papers.size()});
      return true;
    }
    papers.push_back(own_text ? with_own_text(paper) : std::move(paper));
    return true;
  }

  void on_diagnostic(Diagnostic&& diagnostic) override {
    diagnostics.push_back(std::move(diagnostic));
  }
};

// Parses one input: read whole when it is small enough (the records then
// point into the buffer it was read into), else in chunks. An input that
// changed while read is parsed again from its start.
void parse_input(const std::string& path,
                 FileResult& out,
                 const ReadHook& before_read,
                 ParseOptions options) {
  const std::string name = display_name(path);
  std::optional<DigestParser> parser;
  auto start = [&] {
    out.papers.clear();
    out.dropped.clear();
    out.diagnostics.clear();
    parser.emplace(name, out, out, options);
  };
  start();
  InputReader reader;
  reader.on_whole = [&parser](OwnedInput&& input) {
    parser->feed_stable(input.bytes, std::move(input.owner));
  };
  // A binary file is read no further than its first NUL byte.
  reader.on_chunk = [&parser](std::string_view chunk) {
    parser->feed(chunk);
    return !parser->binary();
  };
  reader.on_restart = start;
  if (before_read) {
    reader.before_read = [&before_read, &path] { before_read(path); };
  }
  // One open only: a FIFO has one reader, and a second open would wait for
  // a writer that has already gone.
  auto read = read_input(path, reader);
  if (!read) {
    out.error = read.error();
    return;
  }
  parser->finish();
  out.binary = parser->binary();
  out.layout = parser->layout();
  if (*read == ReadStatus::kChanged) {
    out.diagnostics.insert(out.diagnostics.begin(),
                           Diagnostic{{name, 0},
                                      DiagnosticCode::kChangedWhileReading,
                                      "changed while reading"});
  }
  // The table keeps this vector: give back what doubling left unused.
  if (out.papers.capacity() - out.papers.size() > out.papers.size() / 8) {
    out.papers.shrink_to_fit();
  }
}

/// Hands one input's records and diagnostics to the result. A binary file
/// is skipped whole, and of its diagnostics only the parser's last is kept,
/// the one that found it binary (the others describe text that is not
/// used). Named on the command line (`named`), it is an error like a path
/// that cannot be read (exit status 2); found in a directory, it is a
/// `binary-file` warning, as ripgrep skips the binary files of a directory
/// it searches. Returns false when the file is no input at all.
bool commit(FileResult& file, LoadResult& out, bool named) {
  if (file.binary && named) {
    std::string message = "binary input, skipped";
    if (!file.diagnostics.empty()) {
      const auto& last = file.diagnostics.back();
      message = last.where.file;
      if (last.where.line > 0) {
        message += ':' + std::to_string(last.where.line);
      }
      message += ": " + last.message;
    }
    out.errors.push_back(Error{std::move(message)});
    file = FileResult{};
    return false;
  }
  if (file.binary) {
    out.input_info.push_back(InputInfo{"none", 0});
    if (!file.diagnostics.empty()) {
      out.diagnostics.push_back(std::move(file.diagnostics.back()));
    }
    file = FileResult{};
    return true;
  }
  out.input_info.push_back(
      InputInfo{file.layout, file.papers.size() + file.dropped.size()});
  for (auto& diagnostic : file.diagnostics) {
    out.diagnostics.push_back(std::move(diagnostic));
  }
  out.filtered += file.dropped.size();
  out.table.add_block(std::move(file.papers), file.dropped);
  file = FileResult{};
  return true;
}

// Inputs are independent: they are parsed on up to this many threads.
unsigned worker_count(std::size_t inputs, unsigned wanted) {
  const unsigned cores =
      wanted > 0 ? wanted : std::max(1U, std::thread::hardware_concurrency());
  return static_cast<unsigned>(
      std::min<std::size_t>({inputs, cores, std::size_t{16}}));
}

}  // namespace

void load_buffer(std::string_view name,
                 std::string_view bytes,
                 LoadResult& out,
                 ParseOptions options) {
  FileResult file;
  DigestParser parser(std::string(name), file, file, options);
  parser.feed(bytes);
  parser.finish();
  file.binary = parser.binary();
  file.layout = parser.layout();
  if (commit(file, out, true)) {
    out.inputs.emplace_back(name);
  }
}

LoadResult load_inputs(std::span<const std::string> paths,
                       ParseOptions options) {
  return load_inputs(paths, ReadHook{}, options);
}

LoadResult load_inputs(std::span<const std::string> paths,
                       const ReadHook& before_read,
                       ParseOptions options) {
  LoadOptions load;
  load.parse = options;
  return load_inputs(paths, load, before_read);
}

LoadResult load_inputs(std::span<const std::string> paths,
                       const LoadOptions& load,
                       const ReadHook& before_read) {
  const ParseOptions options = load.parse;
  LoadResult out;
  InputList inputs = find_inputs(paths);
  out.errors = std::move(inputs.errors);
  const auto& files = inputs.files;
  // The inputs named as they are on the command line (and standard input),
  // as opposed to the files found in a directory.
  const auto named = [&](const std::string& file) {
    return std::find(paths.begin(), paths.end(), file) != paths.end();
  };
  // One result per input, made by the worker that parses it and freed
  // once committed: at 1 GB of input, 35,700 results would be 6 MB.
  std::vector<std::unique_ptr<FileResult>> results(files.size());
  out.table.keep_best(load.keep);
  // Inputs go to the table in input order, each as soon as it and every
  // one before it are parsed (by whichever worker finished the last of
  // them), so the output is the one a single thread would give, and what
  // waits for the table is the few inputs parsed ahead of the slowest.
  std::mutex commit_mutex;
  std::vector<char> parsed(files.size(), 0);  // under commit_mutex
  std::size_t committed = 0;                  // under commit_mutex
  auto commit_ready = [&](std::size_t i) {
    const std::lock_guard lock(commit_mutex);
    parsed[i] = 1;
    for (; committed < files.size() && parsed[committed] != 0; ++committed) {
      const std::size_t c = committed;
      FileResult& result = *results[c];
      if (result.error) {
        out.errors.push_back(std::move(*result.error));
      } else if (commit(result, out, named(files[c]))) {
        out.inputs.push_back(display_name(files[c]));
      }
      results[c].reset();
    }
  };
  // Workers take the next input in order.
  std::atomic<std::size_t> next{0};
  // An exception (say, std::bad_alloc) must not unwind past the other
  // threads, which std::terminate would end: the first one stops every
  // worker, and is thrown again once all are joined.
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const bool own_text = static_cast<bool>(load.filter) && !load.keep;
  auto work = [&]() noexcept {
    try {
      // Each worker filters with its own copy of the query's state.
      const RecordFilter filter = load.filter ? load.filter() : RecordFilter{};
      for (std::size_t i = next++; i < files.size(); i = next++) {
        results[i] = std::make_unique<FileResult>();
        FileResult& result = *results[i];
        result.filter = filter ? &filter : nullptr;
        result.own_text = own_text && filter;
        parse_input(files[i], result, before_read, options);
        result.filter = nullptr;
        commit_ready(i);
      }
    } catch (...) {
      next = files.size();
      const std::lock_guard lock(failure_mutex);
      if (!failure) {
        failure = std::current_exception();
      }
    }
  };
  const unsigned workers = worker_count(files.size(), load.threads);
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) {
    try {
      threads.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads: the ones running do the work
    }
  }
  work();
  for (auto& thread : threads) {
    thread.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
  out.table.settle();
  return out;
}

}  // namespace papers
